package org.rapport.lti.launch;

import com.nimbusds.jwt.JWTParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.registration.Registration;

/**
 * The launch's side of LTI platform storage ({@code lti.get_data}): whether a launch that arrived
 * without its state cookie should first read the state back from the platform's frame, and whether
 * a launch that posts {@code stored_state} may be accepted. Both look up the login's nonce and its
 * registration; the id_token is only peeked at here and fully validated afterwards.
 */
@ApplicationScoped
public class PlatformStorageLaunches {
  static final int MAX_TOKEN_CHARS = 64 * 1024;

  @Inject NonceRepository nonces;
  @Inject RegistrationDirectory directory;

  /**
   * The page that reads the state from the platform's frame and posts the launch again; empty when
   * the login of this id_token did not use platform storage or its launch was used already.
   */
  public Optional<LaunchStorageView> storagePage(String idToken, String state) {
    if (state == null || idToken == null || idToken.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    Optional<IssuedNonce> issued = nonces.awaitingLaunch(unverifiedNonce(idToken));
    if (issued.isEmpty() || issued.get().getStorageTarget() == null) {
      return Optional.empty();
    }
    String origin =
        directory
            .find(issued.get().getRegistrationId())
            .map(r -> PlatformOrigin.of(r.authEndpoint()))
            .orElse("");
    return Optional.of(
        new LaunchStorageView(idToken, state, issued.get().getStorageTarget(), origin));
  }

  /**
   * A launch whose state comes from platform storage instead of a cookie has nothing tying it to
   * the browser except the page that posts it. Without this check anyone could sign a victim in as
   * themselves (login CSRF): log in at the LMS, keep their own id_token and state, and have the
   * victim's browser post them with {@code stored_state}. So such a launch is accepted only for a
   * nonce whose login asked for platform storage, and only when posted ({@code origin}) from the
   * platform's origin or from Rapport's own storage page ({@code ownOrigin}), which re-posts after
   * reading the platform's frame.
   *
   * @throws LaunchRejected when the launch may not use the stored state
   */
  public void checkStoredStateLaunch(String idToken, String origin, String ownOrigin) {
    Optional<IssuedNonce> issued =
        idToken == null || idToken.length() > MAX_TOKEN_CHARS
            ? Optional.empty()
            : nonces.find(unverifiedNonce(idToken));
    Optional<Registration> registration =
        issued.flatMap(n -> directory.find(n.getRegistrationId()));
    String issuer = registration.map(Registration::issuer).orElse(null);
    String clientId = registration.map(Registration::clientId).orElse(null);
    if (issued.isEmpty() || issued.get().getStorageTarget() == null) {
      throw new LaunchRejected(
          LaunchFailure.STORED_STATE_NOT_REQUESTED,
          "stored_state was posted, but the login of this id_token did not use platform storage",
          issuer,
          clientId);
    }
    String platform = registration.map(r -> PlatformOrigin.of(r.authEndpoint())).orElse(null);
    if (origin == null
        || !(origin.equalsIgnoreCase(ownOrigin) || origin.equalsIgnoreCase(platform))) {
      throw new LaunchRejected(
          LaunchFailure.STORED_STATE_FOREIGN_ORIGIN,
          "Origin " + LaunchRejected.quote(origin),
          issuer,
          clientId);
    }
  }

  /** The registration a refused launch named, for its log entry; null when none is known. */
  public Long registrationOf(LaunchRejected rejected) {
    return rejected.issuer().isPresent() && rejected.clientId().isPresent()
        ? directory
            .find(rejected.issuer().get(), rejected.clientId().get())
            .map(r -> r.id().value())
            .orElse(null)
        : null;
  }

  /** Only used to find the platform-storage frame; the token is fully validated afterwards. */
  private static String unverifiedNonce(String idToken) {
    try {
      return JWTParser.parse(idToken).getJWTClaimsSet().getStringClaim("nonce");
    } catch (java.text.ParseException | RuntimeException e) {
      return null;
    }
  }
}
