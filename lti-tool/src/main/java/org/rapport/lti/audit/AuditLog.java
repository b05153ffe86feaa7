package org.rapport.lti.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes and reads the audit log. Entries are written in the caller's transaction, so an access
 * that fails leaves no entry and one that succeeds always has one.
 */
@ApplicationScoped
public class AuditLog {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void admin(
      String admin, AuditAction action, Long registrationId, Long studentId, String detail) {
    write(AuditEntry.ActorKind.ADMIN, admin, action, registrationId, studentId, detail);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void student(
      long learnerId, AuditAction action, Long registrationId, Long studentId, String detail) {
    write(
        AuditEntry.ActorKind.STUDENT,
        "learner " + learnerId,
        action,
        registrationId,
        studentId,
        detail);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void faculty(
      long learnerId, AuditAction action, Long registrationId, Long studentId, String detail) {
    write(
        AuditEntry.ActorKind.FACULTY,
        "learner " + learnerId,
        action,
        registrationId,
        studentId,
        detail);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void system(
      String what, AuditAction action, Long registrationId, Long studentId, String detail) {
    write(AuditEntry.ActorKind.SYSTEM, what, action, registrationId, studentId, detail);
  }

  private void write(
      AuditEntry.ActorKind kind,
      String actor,
      AuditAction action,
      Long registrationId,
      Long studentId,
      String detail) {
    em.persist(
        new AuditEntry(
            OffsetDateTime.now(clock), kind, actor, action, registrationId, studentId, detail));
  }

  /** The newest entries first, optionally only those about one student or one tenant. */
  @Transactional
  public List<AuditEntry> recent(Long registrationId, Long studentId, int limit) {
    StringBuilder jpql = new StringBuilder("select a from AuditEntry a where 1 = 1");
    if (registrationId != null) {
      jpql.append(" and a.registrationId = :r");
    }
    if (studentId != null) {
      jpql.append(" and a.studentId = :s");
    }
    jpql.append(" order by a.occurredAt desc, a.id desc");
    TypedQuery<AuditEntry> q = em.createQuery(jpql.toString(), AuditEntry.class);
    if (registrationId != null) {
      q.setParameter("r", registrationId);
    }
    if (studentId != null) {
      q.setParameter("s", studentId);
    }
    return q.setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList();
  }
}
