package org.rapport.lti.dev;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the test platform's custom parameters through the OIDC login in {@code lti_message_hint}
 * (which Rapport passes back unchanged): {@code /app/assessment?rapport_matriculation_year=2024}.
 */
final class DevCustomParameters {
  static final String PREFIX = "custom_";

  private DevCustomParameters() {}

  /** The message hint for {@code path} with the {@code custom_*} query parameters. */
  static String hint(String path, MultivaluedMap<String, String> query) {
    StringBuilder hint = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(PREFIX) || e.getValue().isEmpty()) {
        continue;
      }
      String key = name.substring(PREFIX.length());
      String value = e.getValue().get(0);
      if (!key.matches("[a-z0-9_]{1,50}") || value.length() > 100) {
        continue;
      }
      hint.append(separator)
          .append(key)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      separator = '&';
    }
    return hint.toString();
  }

  /** The path part of a message hint. */
  static String path(String hint) {
    if (hint == null) {
      return null;
    }
    int q = hint.indexOf('?');
    return q < 0 ? hint : hint.substring(0, q);
  }

  /** The custom parameters of a message hint. */
  static Map<String, String> custom(String hint) {
    Map<String, String> custom = new LinkedHashMap<>();
    if (hint == null || hint.indexOf('?') < 0) {
      return custom;
    }
    for (String pair : hint.substring(hint.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).matches("[a-z0-9_]{1,50}")) {
        custom.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return custom;
  }
}
