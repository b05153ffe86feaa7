package org.rapport.lti.protocol.oidc;

import java.net.URI;
import java.util.Objects;
import org.rapport.lti.protocol.registration.Registration;

/**
 * Where to send the browser after a login initiation (Security Framework §5.1.1.2): the platform's
 * authorization endpoint with the OIDC authentication request. The caller binds {@code state} to
 * the browser (a {@code SameSite=None; Secure} cookie and/or platform storage via {@code
 * storageTarget}) and records {@code nonce} in the shared nonce store before redirecting.
 *
 * @param storageTarget the {@code lti_storage_target} frame name, or {@code null}
 */
public record AuthenticationRedirect(
    URI redirectTo, String state, String nonce, Registration registration, String storageTarget) {

  public AuthenticationRedirect {
    Objects.requireNonNull(redirectTo, "redirectTo");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(registration, "registration");
  }
}
