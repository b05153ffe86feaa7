package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.rapport.lti.admin.AdminAudit;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.session.ServerSecrets;
import org.rapport.lti.settings.RapportSettings;

/**
 * An administrator rotates the key that signs launched users' session tokens, audited, in one
 * transaction. The previous key keeps verifying, so nobody is signed out; a second rotation waits
 * until every token signed by the first predecessor has expired ({@code rapport.session.minutes}).
 */
@ApplicationScoped
public class RotateSessionKey {
  @Inject ServerSecrets secrets;
  @Inject RapportSettings settings;
  @Inject AdminAudit audit;
  @Inject Clock clock;

  /** A rotation that was refused, saying why; nothing changed. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Rotates the session key on behalf of {@code admin}; answers until when the previous key
   * verifies.
   *
   * @throws Refused when the key is configured or the last rotation is too recent
   */
  @Transactional
  public OffsetDateTime rotate(String admin) {
    if (secrets.external(ToolSessions.KEY)) {
      throw new Refused(
          "The session key comes from the configuration (rapport.secrets."
              + ToolSessions.KEY
              + "); rotate it there: put the new key in rapport.secrets."
              + ToolSessions.KEY
              + " and the old one in rapport.secrets."
              + ToolSessions.KEY
              + ServerSecrets.PREVIOUS
              + ".");
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    Optional<OffsetDateTime> last = secrets.lastRotation(ToolSessions.KEY);
    OffsetDateTime allowed = last.map(t -> t.plus(settings.sessionLifetime())).orElse(now);
    if (allowed.isAfter(now)) {
      throw new Refused(
          "The session key was rotated at "
              + last.get()
              + "; tokens signed before that are still valid. Rotate again after "
              + allowed
              + ".");
    }
    secrets.rotate(ToolSessions.KEY);
    audit.record(admin, AuditAction.SESSION_KEY_ROTATED, null, "session signing key");
    return now.plus(settings.sessionLifetime());
  }
}
