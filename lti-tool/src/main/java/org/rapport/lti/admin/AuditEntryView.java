package org.rapport.lti.admin;

import org.rapport.lti.audit.AuditEntry;

/** An audit entry as the admin API shows it. */
public record AuditEntryView(
    long id,
    String occurredAt,
    String actorKind,
    String actor,
    String action,
    String description,
    Long registrationId,
    Long studentId,
    String detail) {

  public static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.getId(),
        e.getOccurredAt().toString(),
        e.getActorKind().name(),
        e.getActor(),
        e.getAction().name(),
        e.getAction().description(),
        e.getRegistrationId(),
        e.getStudentId(),
        e.getDetail());
  }
}
