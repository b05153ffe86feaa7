package org.rapport.lti.protocol;

import java.util.Optional;

/**
 * A login initiation or launch refused for a {@link LaunchFailure}. The detail is technical (which
 * claim, which value) and safe to log: control characters are replaced and it is truncated, since
 * parts of it come from an unverified token. Never carries a token or a key.
 */
public final class LaunchRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DETAIL = 500;
  private static final int MAX_VALUE = 200;

  private final LaunchFailure failure;
  private final String detail;
  private final String issuer;
  private final String clientId;

  public LaunchRejected(LaunchFailure failure, String detail) {
    this(failure, detail, null, null);
  }

  public LaunchRejected(LaunchFailure failure, String detail, String issuer, String clientId) {
    super(failure.name() + ": " + safe(detail, MAX_DETAIL), null, false, false);
    this.failure = failure;
    this.detail = safe(detail, MAX_DETAIL);
    this.issuer = issuer == null ? null : safe(issuer, MAX_VALUE);
    this.clientId = clientId == null ? null : safe(clientId, MAX_VALUE);
  }

  public LaunchFailure failure() {
    return failure;
  }

  /** Technical detail for the log and the page's "details" section. */
  public String detail() {
    return detail;
  }

  /** The issuer the request claimed, when known (unverified if the failure precedes signature). */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** The client_id the request claimed, when known. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  /** A copy of this rejection that also names the issuer and client_id, if not already set. */
  public LaunchRejected within(String issuer, String clientId) {
    return new LaunchRejected(
        failure,
        detail,
        this.issuer != null ? this.issuer : issuer,
        this.clientId != null ? this.clientId : clientId);
  }

  /** Quotes a value taken from a request for use in a detail: bounded, printable. */
  public static String quote(Object value) {
    return value == null ? "(none)" : "'" + safe(String.valueOf(value), MAX_VALUE) + "'";
  }

  private static String safe(String text, int max) {
    if (text == null) {
      return "";
    }
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= max ? printable : printable.substring(0, max) + "…";
  }
}
