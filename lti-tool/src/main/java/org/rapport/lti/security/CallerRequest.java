package org.rapport.lti.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What an authenticator reads of a request: its method, path (below the context root, without a
 * leading slash), query string, headers and cookies; and where it leaves request attributes. The
 * body is never read, so form parameters stay for the resource.
 */
public record CallerRequest(
    String method,
    String path,
    String queryString,
    Function<String, String> headers,
    Map<String, String> cookies,
    BiConsumer<String, Object> attributes) {

  public static CallerRequest of(HttpServletRequest request) {
    Map<String, String> cookies = new HashMap<>();
    Cookie[] sent = request.getCookies();
    if (sent != null) {
      for (Cookie cookie : sent) {
        cookies.putIfAbsent(cookie.getName(), cookie.getValue());
      }
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return new CallerRequest(
        request.getMethod(),
        path.startsWith("/") ? path.substring(1) : path,
        request.getQueryString(),
        request::getHeader,
        cookies,
        request::setAttribute);
  }

  public String header(String name) {
    return headers.apply(name);
  }

  /** The first value of a query parameter, decoded; never from the body. */
  public Optional<String> queryParameter(String name) {
    if (queryString == null || queryString.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : queryString.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (decode(key).equals(name)) {
        return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return Optional.empty();
  }

  public void setAttribute(String name, Object value) {
    attributes.accept(name, value);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
