package org.rapport.lti.protocol.registration;

/**
 * Dynamic Registration could not complete; the message says why in words the LMS administrator who
 * started it can act on.
 */
public final class DynamicRegistrationFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DynamicRegistrationFailed(String message) {
    super(message);
  }

  public DynamicRegistrationFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
