package org.rapport.lti.protocol;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides whether a {@code target_link_uri} points into Rapport (LTI Core 1.3 §5.1.1.3 and §5.4.4:
 * the tool must only redirect to its own pages, never become an open redirect). A URI is ours when
 * it is absolute, has the base's scheme, host and port, carries no user info, and its normalised
 * path lies under the base path.
 *
 * @param base the tool's public base URL, e.g. {@code https://rapport.example.edu/}
 */
public record ToolOrigin(URI base) implements Predicate<URI> {

  public ToolOrigin {
    Objects.requireNonNull(base, "base");
    if (!base.isAbsolute() || !isHttp(base) || base.getHost() == null) {
      throw new IllegalArgumentException("The tool base URL must be an absolute http(s) URL");
    }
  }

  @Override
  public boolean test(URI candidate) {
    if (candidate == null || !candidate.isAbsolute() || candidate.isOpaque()) {
      return false;
    }
    if (!isHttp(candidate) || candidate.getHost() == null || candidate.getRawUserInfo() != null) {
      return false;
    }
    boolean sameOrigin =
        candidate.getScheme().equalsIgnoreCase(base.getScheme())
            && candidate.getHost().equalsIgnoreCase(base.getHost())
            && port(candidate) == port(base);
    String path = path(candidate.normalize());
    boolean escapes = path.contains("/../") || path.endsWith("/..");
    return sameOrigin && !escapes && path.startsWith(basePath());
  }

  private String basePath() {
    String path = path(base.normalize());
    return path.endsWith("/") ? path : path + "/";
  }

  private static String path(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("http");
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
