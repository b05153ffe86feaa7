package org.rapport.lti.web;

/**
 * The security headers' values, shared by {@link SecurityHeaders} (Rapport's own answers) and
 * {@link ContainerSecurityHeaders} (answers the container writes itself, such as its own 404).
 */
final class SecurityPolicy {
  /** HSTS for a year; not for subdomains, which may be other services of the institution. */
  static final String HSTS = "max-age=31536000";

  private SecurityPolicy() {}

  /**
   * The Content-Security-Policy. Forms post only to Rapport, plus {@code formTarget} when a page
   * must post to a platform (the deep-linking return); {@code frameAncestors} is {@code 'none'} for
   * administration and the registered platforms for launched pages.
   */
  static String contentSecurityPolicy(String frameAncestors, String formTarget) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " form-action 'self'"
        + (formTarget == null || formTarget.isBlank() ? "" : " " + formTarget)
        + "; base-uri 'none'; object-src 'none'; frame-ancestors "
        + frameAncestors;
  }

  static boolean isAdmin(String path) {
    return path.startsWith("admin") || path.startsWith("/admin");
  }

  /** Over https, or behind a proxy that terminated https for this request. */
  static boolean servedOverHttps(String scheme, String forwardedProto) {
    if ("https".equalsIgnoreCase(scheme)) {
      return true;
    }
    return forwardedProto != null && forwardedProto.split(",")[0].strip().equalsIgnoreCase("https");
  }
}
