package org.rapport.lti.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a state-changing admin request carries its session's CSRF token: the header {@value
 * #HEADER} (scripts on the admin pages) or the form field {@value #FIELD} (HTML forms, URL-encoded
 * or multipart). Reading the form puts the body back for the resource.
 */
final class CsrfToken {
  static final String HEADER = "X-CSRF-Token";
  static final String FIELD = "csrf";

  private CsrfToken() {}

  static Optional<String> of(ContainerRequestContext request) {
    String header = request.getHeaderString(HEADER);
    if (header != null && !header.isBlank()) {
      return Optional.of(header.strip());
    }
    MediaType type = request.getMediaType();
    if (type == null || !request.hasEntity()) {
      return Optional.empty();
    }
    boolean urlEncoded = type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    boolean multipart = type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
    if (!urlEncoded && !multipart) {
      return Optional.empty();
    }
    byte[] body;
    try {
      body = request.getEntityStream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    return urlEncoded
        ? fromUrlEncoded(new String(body, StandardCharsets.ISO_8859_1))
        : fromMultipart(new String(body, StandardCharsets.ISO_8859_1), type);
  }

  static Optional<String> fromUrlEncoded(String body) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals(FIELD) && eq >= 0) {
        try {
          return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8))
              .filter(v -> !v.isBlank());
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static Optional<String> fromMultipart(String body, MediaType type) {
    String boundary = type.getParameters().get("boundary");
    if (boundary == null || boundary.isBlank()) {
      return Optional.empty();
    }
    for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd).toLowerCase(java.util.Locale.ROOT);
      if (headers.contains("name=\"" + FIELD + "\"")) {
        String value = part.substring(headersEnd + 4);
        if (value.endsWith("\r\n")) {
          value = value.substring(0, value.length() - 2);
        }
        return Optional.of(value.strip()).filter(v -> !v.isBlank());
      }
    }
    return Optional.empty();
  }
}
