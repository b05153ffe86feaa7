package org.rapport.lti.protocol.services;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Building service URLs that keep the platform's own query string. */
public final class ServiceUrls {
  private ServiceUrls() {}

  /** {@code base} with the parameters appended to its query (null values left out). */
  public static URI withQuery(URI base, Map<String, String> parameters) {
    StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            if (query.length() > 0) {
              query.append('&');
            }
            query.append(encode(name)).append('=').append(encode(value));
          }
        });
    return rebuild(base, base.getRawPath(), query.length() == 0 ? null : query.toString());
  }

  /** {@code base} with {@code segment} added to its path, before any query string. */
  public static URI appendPath(URI base, String segment) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    String joined = path.endsWith("/") ? path + segment : path + "/" + segment;
    return rebuild(base, joined, base.getRawQuery());
  }

  private static URI rebuild(URI base, String rawPath, String rawQuery) {
    StringBuilder uri = new StringBuilder();
    uri.append(base.getScheme()).append("://").append(base.getRawAuthority()).append(rawPath);
    if (rawQuery != null) {
      uri.append('?').append(rawQuery);
    }
    return URI.create(uri.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
