package org.rapport.lti.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading an uploaded file: its SHA-256, and the parts of a {@code multipart/form-data} body. */
final class ImportFiles {
  private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

  private ImportFiles() {}

  static String sha256(byte[] file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One part of a multipart body. */
  record Part(String name, String fileName, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8).strip();
    }
  }

  /** The boundary parameter of a multipart content type, or null. */
  static String boundary(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring(9);
        return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
      }
    }
    return null;
  }

  /** The parts of a {@code multipart/form-data} body by field name (the first of each name). */
  static Map<String, Part> parts(byte[] body, String boundary) {
    Map<String, Part> parts = new LinkedHashMap<>();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int headersStart = start + delimiter.length;
      if (headersStart + 2 <= body.length
          && body[headersStart] == '-'
          && body[headersStart + 1] == '-') {
        break;
      }
      headersStart = skipLineBreak(body, headersStart);
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        break;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next =
          indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
      if (next < 0) {
        break;
      }
      Matcher name = NAME.matcher(headers);
      Matcher fileName = FILENAME.matcher(headers);
      if (name.find()) {
        parts.putIfAbsent(
            name.group(1),
            new Part(
                name.group(1),
                fileName.find() ? fileName.group(1) : null,
                Arrays.copyOfRange(body, contentStart, next)));
      }
      start = next + 2;
    }
    return parts;
  }

  private static int skipLineBreak(byte[] body, int i) {
    if (i < body.length && body[i] == '\r') {
      i++;
    }
    if (i < body.length && body[i] == '\n') {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
