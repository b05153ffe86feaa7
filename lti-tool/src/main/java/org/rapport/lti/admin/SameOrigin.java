package org.rapport.lti.admin;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The strict origin rule for state-changing admin requests: the browser's {@code Origin} must be
 * Rapport's own origin (scheme, host and port), and {@code Sec-Fetch-Site}, when sent, must be
 * {@code same-origin}. Same-site is not enough: an LMS on a sibling subdomain is same-site. An
 * {@code Origin} of {@code null} counts only with {@code Sec-Fetch-Site: same-origin}.
 */
final class SameOrigin {
  /** Why a request was refused; the sentence is what the administrator reads. */
  enum Refusal {
    FOREIGN_ORIGIN(
        "This request came from another web site (its Origin is not Rapport's own address), so"
            + " it was refused. Use the administration pages themselves."),
    CROSS_SITE_FETCH(
        "The browser reports this request as coming from another origin (Sec-Fetch-Site), so"
            + " it was refused. Use the administration pages themselves."),
    NO_ORIGIN(
        "The request does not say where it came from (no Origin or Sec-Fetch-Site header)."
            + " Browsers send one; scripts should use an API token instead of a session."),
    NO_CSRF_TOKEN(
        "The request lacks the page's security token. Reload the administration page and try"
            + " again; scripts should use an API token (Authorization: Bearer)."),
    WRONG_CSRF_TOKEN(
        "The page's security token does not belong to this session. Reload the administration"
            + " page and try again.");

    private final String sentence;

    Refusal(String sentence) {
      this.sentence = sentence;
    }

    String sentence() {
      return sentence;
    }
  }

  private SameOrigin() {}

  /** Why the request must be refused, or empty when it comes from {@code own}'s origin. */
  static Optional<Refusal> check(String origin, String fetchSite, URI own) {
    if (fetchSite != null && !fetchSite.strip().equalsIgnoreCase("same-origin")) {
      return Optional.of(Refusal.CROSS_SITE_FETCH);
    }
    if (origin == null || origin.isBlank()) {
      return fetchSite == null ? Optional.of(Refusal.NO_ORIGIN) : Optional.empty();
    }
    if (origin.strip().equals("null") && fetchSite != null) {
      // Rapport's pages send Referrer-Policy: no-referrer, under which browsers send "Origin:
      // null" on a form post even to their own origin; Sec-Fetch-Site, which a page cannot set,
      // then says it is same-origin (it was checked above). An opaque origin such as a sandboxed
      // frame is reported as cross-site, so it is still refused.
      return Optional.empty();
    }
    return originOf(origin.strip()).equals(originOf(own.toString()))
        ? Optional.empty()
        : Optional.of(Refusal.FOREIGN_ORIGIN);
  }

  /** {@code scheme://host:port} in lower case with the default port made explicit. */
  static String originOf(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "invalid:" + url;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port < 0) {
        port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
      }
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "invalid:" + url;
    }
  }
}
