package org.rapport.lti.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ImportSpoolTest {
  /** An upload that never ends, counting what was read from it. */
  private static final class EndlessUpload extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'x');
      read += len;
      return len;
    }
  }

  @Test
  void anUploadPastTheLimitIsRefusedAfterReadingNoMoreThanTheLimitAndOneBuffer() throws Exception {
    long limit = 8L * 1024 * 1024;
    EndlessUpload upload = new EndlessUpload();
    List<Path> before = spools();

    ImportSpool.TooLarge refused =
        assertThrows(ImportSpool.TooLarge.class, () -> ImportSpool.of(upload, limit));

    assertEquals(limit, refused.limit());
    assertTrue(
        upload.read <= limit + 64 * 1024,
        "reading stopped at the limit, not at the end of the upload: " + upload.read);
    assertEquals(before, spools(), "the part read so far is deleted");
  }

  @Test
  void anUploadWithinTheLimitIsKeptInATemporaryFileWithItsSha256() throws Exception {
    byte[] csv = "student_id,cohort\nA-1,2020\n".getBytes(StandardCharsets.UTF_8);
    ImportSpool spool = ImportSpool.of(new java.io.ByteArrayInputStream(csv), csv.length);
    try {
      assertEquals(csv.length, spool.size());
      assertEquals(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)),
          spool.sha256());
      try (InputStream in = spool.open()) {
        assertArrayEquals(csv, in.readAllBytes());
      }
    } finally {
      spool.delete();
    }
    assertFalse(Files.exists(spool.file()));
  }

  private static List<Path> spools() throws Exception {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("rapport-import-"))
          .sorted()
          .toList();
    }
  }
}
