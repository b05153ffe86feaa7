package org.rapport.lti.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.assessment.StudentLinking;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.MissingException;

/**
 * Decides what a launch's {@code rapport_student_id} does, and lets administrators approve or
 * reject the links that wait. A launch links by itself only when its registration allows it and the
 * pseudonym is not linked to another LMS user; otherwise the request is queued. Every link and
 * every decision is audited.
 */
@ApplicationScoped
public class StudentLinkRequests {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject IdentityPolicies policies;
  @Inject Students students;
  @Inject StudentLinking linking;
  @Inject LinkRequestQueue queue;
  @Inject AuditLog audit;

  /**
   * A student's launch asked to be linked to {@code pseudonym}. Runs in the launch parameters'
   * transaction; a refused link is queued (in its own transaction) and rethrown.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void fromLaunch(long registrationId, String pseudonym, String subject) {
    Optional<Student> found = students.byPseudonym(registrationId, pseudonym);
    if (found.isPresent() && subject.equals(found.get().getLmsSubject())) {
      return;
    }
    if (!policies.launchLinksAllowed(registrationId)) {
      queue.add(registrationId, subject, pseudonym, LinkRequestReason.APPROVAL_REQUIRED);
      return;
    }
    if (found.isPresent() && found.get().getLmsSubject() != null) {
      queue.add(registrationId, subject, pseudonym, LinkRequestReason.LINKED_TO_ANOTHER_USER);
      return;
    }
    try {
      linking.link(registrationId, pseudonym, subject, true, "LTI launch");
    } catch (StudentLinking.LinkRefused refused) {
      queue.add(registrationId, subject, pseudonym, LinkRequestReason.RECORDS_CONFLICT);
      throw refused;
    }
  }

  /** Requests waiting for a decision, oldest first; of one registration when given. */
  @Transactional
  public List<StudentLinkRequestView> pending(Long registrationId) {
    return em.createQuery(
            "select r from StudentLinkRequest r where r.state = :s order by r.id",
            StudentLinkRequest.class)
        .setParameter("s", StudentLinkRequest.State.PENDING)
        .getResultStream()
        .filter(r -> registrationId == null || r.getRegistrationId().equals(registrationId))
        .limit(500)
        .map(StudentLinkRequest::view)
        .toList();
  }

  /** Makes the link the request asks for; 409 when it cannot be made (nothing changes then). */
  @Transactional
  public StudentLinkRequestView approve(long id, String admin) {
    StudentLinkRequest request = pendingRequest(id);
    try {
      linking.link(
          request.getRegistrationId(),
          request.getPseudonym(),
          request.getLearnerSubject(),
          true,
          admin);
    } catch (StudentLinking.LinkRefused refused) {
      throw new ConflictException(refused.getMessage());
    }
    request.decide(StudentLinkRequest.State.APPROVED, admin, null, OffsetDateTime.now(clock));
    return request.view();
  }

  @Transactional
  public StudentLinkRequestView reject(long id, String admin, String note) {
    StudentLinkRequest request = pendingRequest(id);
    String reason = note == null || note.isBlank() ? null : note.strip();
    if (reason != null && reason.length() > 1000) {
      reason = reason.substring(0, 1000);
    }
    request.decide(StudentLinkRequest.State.REJECTED, admin, reason, OffsetDateTime.now(clock));
    audit.admin(
        admin,
        AuditAction.STUDENT_LINK_REJECTED,
        request.getRegistrationId(),
        null,
        "request "
            + id
            + ": pseudonym "
            + request.getPseudonym()
            + " for LMS user "
            + request.getLearnerSubject());
    return request.view();
  }

  private StudentLinkRequest pendingRequest(long id) {
    StudentLinkRequest request =
        em.find(StudentLinkRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (request == null) {
      throw new MissingException("There is no student link request with id " + id + ".");
    }
    if (request.getState() != StudentLinkRequest.State.PENDING) {
      throw new ConflictException(
          "Link request "
              + id
              + " was already decided ("
              + request.getState().name().toLowerCase(java.util.Locale.ROOT)
              + ").");
    }
    return request;
  }
}
