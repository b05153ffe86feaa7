package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.oidc.AuthenticationRedirect;
import org.rapport.lti.protocol.oidc.LoginInitiation;

/**
 * OIDC login initiation (LTI Core 1.3 §5.1.1): checks the platform's request, issues the nonce the
 * launch must carry, dated by the application clock, and answers where to send the browser; a
 * refused request is written to the launch log.
 */
@ApplicationScoped
public class StartLogin {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject LtiEndpoints endpoints;
  @Inject NonceRepository nonces;
  @Inject LaunchLog log;
  @Inject Clock clock;

  /** What a login initiation leads to. */
  public sealed interface Outcome {}

  /** The browser goes on to the platform's authorization endpoint. */
  public record Started(AuthenticationRedirect redirect) implements Outcome {}

  /** The request was refused; {@code reference} is its launch-log entry. */
  public record Refused(LaunchRejected rejection, long reference) implements Outcome {}

  /** Starts the login the platform asked for with {@code parameters}, at Rapport's {@code base}. */
  @Transactional
  public Outcome start(Map<String, String> parameters, URI base) {
    AuthenticationRedirect redirect;
    try {
      LoginInitiation initiation = LoginInitiation.from(parameters);
      redirect = endpoints.at(base).loginFlow().start(initiation, RANDOM);
    } catch (LaunchRejected rejected) {
      return new Refused(rejected, log.rejected(rejected, null));
    }
    nonces.issue(
        redirect.nonce(),
        redirect.registration().id().value(),
        redirect.storageTarget(),
        clock.instant());
    return new Started(redirect);
  }
}
