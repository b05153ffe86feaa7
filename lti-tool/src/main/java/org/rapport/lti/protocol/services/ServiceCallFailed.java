package org.rapport.lti.protocol.services;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to a platform service (or its token endpoint) that did not succeed. Transient failures (no
 * answer, timeouts, 5xx, 408, 429) are worth retrying, after {@link #retryAfter()} when the
 * platform said so; permanent ones (other 4xx, unreadable answers, missing configuration) are not.
 * The reason is written for an administrator and safe to log and show: it never contains a token,
 * an assertion or a key.
 */
public final class ServiceCallFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_REASON = 900;

  /** A platform might echo a credential back in an error body; it must not reach a log. */
  private static final java.util.regex.Pattern JWT =
      java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private static final java.util.regex.Pattern BEARER =
      java.util.regex.Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");

  private final int status;
  private final boolean permanent;
  private final boolean registrationWide;
  private final transient Optional<Duration> retryAfter;

  private ServiceCallFailed(
      int status,
      boolean permanent,
      boolean registrationWide,
      Optional<Duration> retryAfter,
      String reason) {
    super(shorten(reason), null, false, false);
    this.status = status;
    this.permanent = permanent;
    this.registrationWide = registrationWide;
    this.retryAfter = retryAfter;
  }

  private ServiceCallFailed(
      int status, boolean permanent, Optional<Duration> retryAfter, String reason) {
    this(status, permanent, false, retryAfter, reason);
  }

  /**
   * The same failure, marked as concerning the whole registration (its token endpoint or its
   * configuration) rather than one call: no retry of a single call fixes it, but an administrator
   * fixing the registration does.
   */
  public ServiceCallFailed registrationWide() {
    return new ServiceCallFailed(status, permanent, true, retryAfter(), getMessage());
  }

  public boolean isRegistrationWide() {
    return registrationWide;
  }

  /** An HTTP answer with a status outside 2xx. */
  public static ServiceCallFailed answer(
      String what, int status, Optional<Duration> retryAfter, String body) {
    boolean transientStatus = status >= 500 || status == 408 || status == 429;
    String reason =
        what + " answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body);
    return new ServiceCallFailed(status, !transientStatus, retryAfter, reason);
  }

  /** No answer: connection refused, reset, timed out. */
  public static ServiceCallFailed noAnswer(String what, Exception cause) {
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new ServiceCallFailed(0, false, Optional.empty(), what + " did not answer: " + detail);
  }

  /** A failure that may pass: worth another attempt later. */
  public static ServiceCallFailed temporary(String reason) {
    return new ServiceCallFailed(0, false, Optional.empty(), reason);
  }

  /** A failure no retry can fix: missing configuration, a scope not granted, a malformed answer. */
  public static ServiceCallFailed permanent(String reason) {
    return new ServiceCallFailed(0, true, Optional.empty(), reason);
  }

  /** The HTTP status, or 0 when there was no answer or no call. */
  public int status() {
    return status;
  }

  public boolean permanent() {
    return permanent;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }

  public String reason() {
    return getMessage();
  }

  private static String shorten(String text) {
    String clean =
        text == null
            ? ""
            : JWT.matcher(BEARER.matcher(text).replaceAll("Bearer [removed]"))
                .replaceAll("[JWT removed]")
                .replaceAll("[\\p{Cntrl}&&[^\t]]", " ")
                .strip();
    return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON) + "…";
  }
}
