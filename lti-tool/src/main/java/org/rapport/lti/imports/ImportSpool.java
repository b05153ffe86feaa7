package org.rapport.lti.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file on its way to an import job, kept in a temporary file instead of in memory: the
 * upload is copied there while its SHA-256 is computed, and refused as soon as it grows past the
 * limit ({@link TooLarge}: the part read so far is deleted, the rest is never read). The job reads
 * the file and deletes it when it ends.
 */
public record ImportSpool(Path file, String sha256, long size) {
  private static final int BUFFER = 64 * 1024;

  /** Copies {@code upload} to a temporary file, at most {@code limit} bytes. */
  public static ImportSpool of(InputStream upload, long limit) {
    Path file = null;
    try {
      file = Files.createTempFile("rapport-import-", ".csv");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
        byte[] buffer = new byte[BUFFER];
        for (int n = upload.read(buffer); n != -1; n = upload.read(buffer)) {
          size += n;
          if (size > limit) {
            throw new TooLarge(limit);
          }
          out.write(buffer, 0, n);
        }
      }
      ImportSpool spool = new ImportSpool(file, HexFormat.of().formatHex(sha.digest()), size);
      file = null;
      return spool;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the uploaded file", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (file != null) {
        deleteQuietly(file);
      }
    }
  }

  /** A file already in memory (a multipart form's part), kept the same way. */
  public static ImportSpool of(byte[] content, long limit) {
    return of(new java.io.ByteArrayInputStream(content == null ? new byte[0] : content), limit);
  }

  /** The SHA-256 (hex) of a file's text in UTF-8, as {@link #of} computes it for an upload. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  public void delete() {
    deleteQuietly(file);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file; the operating system cleans its temporary directory
    }
  }

  /** An upload that passed the limit; nothing of it is kept. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLarge(long limit) {
      super("The file is larger than the " + limit + " bytes Rapport accepts");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }
}
