package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Students of the self-assessment: found by their LMS user or pseudonym, created on first use, and
 * placed in cohorts. Every placement is recorded as a {@link CohortMove}; a cohort is never changed
 * without one.
 */
@ApplicationScoped
@Transactional
public class Students {
  @Inject Clock clock;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject StudentCreation creation;

  public Optional<Student> find(long id) {
    return Optional.ofNullable(em.find(Student.class, id));
  }

  public Optional<Student> lock(long id) {
    return Optional.ofNullable(em.find(Student.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<Student> bySubject(long registrationId, String subject) {
    return em.createQuery(
            "select s from Student s where s.registrationId = :r and s.lmsSubject = :s",
            Student.class)
        .setParameter("r", registrationId)
        .setParameter("s", subject)
        .getResultStream()
        .findFirst();
  }

  public Optional<Student> byPseudonym(long registrationId, String pseudonym) {
    return em.createQuery(
            "select s from Student s where s.registrationId = :r and s.pseudonym = :p",
            Student.class)
        .setParameter("r", registrationId)
        .setParameter("p", pseudonym)
        .getResultStream()
        .findFirst();
  }

  /** The student of an LMS user, created (with a pseudonym Rapport makes up) on first use. */
  public Student ensureForSubject(long registrationId, String subject) {
    Optional<Student> existing = bySubject(registrationId, subject);
    if (existing.isPresent()) {
      return existing.get();
    }
    // A concurrent first request may create it at the same moment: both read the one row.
    return em.find(Student.class, creation.create(registrationId, newPseudonym(), subject));
  }

  /** A pseudonymous student known only from an import; created when not known yet. */
  public Student ensureForPseudonym(long registrationId, String pseudonym) {
    Optional<Student> existing = byPseudonym(registrationId, pseudonym);
    if (existing.isPresent()) {
      return existing.get();
    }
    return em.find(Student.class, creation.create(registrationId, pseudonym, null));
  }

  /**
   * Places a student in a cohort and records the move with who and why; nothing happens when they
   * are in it already.
   *
   * @return whether the cohort changed
   */
  public boolean placeIn(
      Student student, Cohort cohort, CohortSource source, String by, String reason) {
    Student managed = em.merge(student);
    if (Objects.equals(managed.getCohortId(), cohort.getId())) {
      if (source == CohortSource.ADMIN && managed.getCohortSource() != CohortSource.ADMIN) {
        managed.placeIn(cohort.getId(), source);
      }
      return false;
    }
    em.persist(
        new CohortMove(
            managed.getId(),
            managed.getCohortId(),
            cohort.getId(),
            source,
            by,
            reason,
            OffsetDateTime.now(clock)));
    managed.placeIn(cohort.getId(), source);
    em.flush();
    return true;
  }

  public List<CohortMove> history(long studentId) {
    return em.createQuery(
            "select m from CohortMove m where m.studentId = :s order by m.movedAt, m.id",
            CohortMove.class)
        .setParameter("s", studentId)
        .getResultList();
  }

  /** Links a pseudonymous student to an LMS user. */
  public void link(Student student, String subject) {
    em.merge(student).linkTo(subject);
    em.flush();
  }

  /** Moves the cohort history of {@code from} to {@code to} (when two records are merged). */
  public void moveHistory(Student from, Student to) {
    for (CohortMove move : history(from.getId())) {
      move.reassign(to.getId());
    }
    em.flush();
  }

  /** Removes a student record; their responses, answers, scores and history go with it. */
  public void delete(Student student) {
    Student managed = em.merge(student);
    em.remove(managed);
    em.flush();
  }

  /** Frees the LMS user of a record about to be merged into another one. */
  public void unlink(Student student) {
    em.merge(student).unlink();
    em.flush();
  }

  static String newPseudonym() {
    StringBuilder s = new StringBuilder("r-");
    for (int i = 0; i < 14; i++) {
      s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }
}
