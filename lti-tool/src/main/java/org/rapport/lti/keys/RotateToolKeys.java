package org.rapport.lti.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.lti.admin.AdminAudit;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.protocol.keys.Rotation;

/**
 * An administrator rotates the tool keys: a new key is published now and signs after the overlap,
 * and the rotation is audited, in one transaction. The administration page and the JSON API share
 * it.
 */
@ApplicationScoped
public class RotateToolKeys {
  @Inject ToolKeys keys;
  @Inject AdminAudit audit;

  /** Why a rotation was not made. */
  public enum Refusal {
    /** The operator supplies the keys; they rotate them in the configuration. */
    CONFIGURED,
    /** The key published by the last rotation does not sign yet. */
    IN_PROGRESS
  }

  /** A rotation that was refused; nothing changed. */
  public static final class Refused extends RuntimeException {
    private final Refusal reason;

    Refused(Refusal reason) {
      super(reason.name());
      this.reason = reason;
    }

    public Refusal reason() {
      return reason;
    }
  }

  /**
   * Publishes a new key on behalf of {@code admin}.
   *
   * @throws Refused when the keys are configured or a rotation is still in progress
   */
  @Transactional
  public Rotation rotate(String admin) {
    if (keys.external()) {
      throw new Refused(Refusal.CONFIGURED);
    }
    Rotation rotation;
    try {
      rotation = keys.rotate();
    } catch (IllegalStateException inProgress) {
      throw new Refused(Refusal.IN_PROGRESS);
    }
    audit.record(
        admin, AuditAction.TOOL_KEYS_ROTATED, null, "published key " + rotation.next().kid());
    return rotation;
  }
}
