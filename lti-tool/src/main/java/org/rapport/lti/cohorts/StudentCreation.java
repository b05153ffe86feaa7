package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Creates a student record in a transaction of its own, so that two first requests of the same
 * student at once end with one record: the loser's insert fails on the unique constraint and it
 * reads the winner's.
 */
@ApplicationScoped
public class StudentCreation {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long create(long registrationId, String pseudonym, String subject) {
    Student student =
        new Student(registrationId, pseudonym, subject, OffsetDateTime.now(ZoneOffset.UTC));
    em.persist(student);
    em.flush();
    return student.getId();
  }
}
