package org.rapport.lti.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;

/**
 * Audit entries for administrators' changes to registrations and keys, in their own transaction.
 */
@ApplicationScoped
public class AdminAudit {
  @Inject AuditLog audit;

  @Transactional
  public void record(String admin, AuditAction action, Long registrationId, String detail) {
    audit.admin(admin, action, registrationId, null, detail);
  }
}
