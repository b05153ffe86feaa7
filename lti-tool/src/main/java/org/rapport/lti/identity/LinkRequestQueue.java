package org.rapport.lti.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;

/**
 * Adds a link request in a transaction of its own, so it is kept even when the launch's parameter
 * work it came from rolls back (a refused link marks that transaction for rollback).
 */
@ApplicationScoped
public class LinkRequestQueue {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject AuditLog audit;

  /**
   * Queues the request unless the same user already asked for the same id and it is pending or was
   * rejected (an administrator's rejection is not reopened by launching again).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void add(long registrationId, String subject, String pseudonym, LinkRequestReason reason) {
    long known =
        em.createQuery(
                "select count(r) from StudentLinkRequest r where r.registrationId = :reg"
                    + " and r.learnerSubject = :sub and r.pseudonym = :p and r.state <> :approved",
                Long.class)
            .setParameter("reg", registrationId)
            .setParameter("sub", subject)
            .setParameter("p", pseudonym)
            .setParameter("approved", StudentLinkRequest.State.APPROVED)
            .getSingleResult();
    if (known > 0) {
      return;
    }
    StudentLinkRequest request =
        new StudentLinkRequest(
            registrationId, subject, pseudonym, reason, OffsetDateTime.now(clock));
    em.persist(request);
    em.flush();
    audit.system(
        "LTI launch",
        AuditAction.STUDENT_LINK_QUEUED,
        registrationId,
        null,
        "request "
            + request.getId()
            + ": pseudonym "
            + pseudonym
            + " for LMS user "
            + subject
            + " ("
            + reason.name()
            + ")");
  }
}
