package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes encounter sessions, encounters, raters and ratings. Look-ups by id return what
 * the id names; the use cases check the tenant, course and rater before using it.
 */
@ApplicationScoped
public class ObservedRepository {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  public <T> T add(T entity) {
    em.persist(entity);
    return entity;
  }

  /** Writes what is pending, so that a broken unique key shows inside the use case. */
  public void flush() {
    em.flush();
  }

  public Optional<EncounterSession> session(long id) {
    return Optional.ofNullable(em.find(EncounterSession.class, id));
  }

  public Optional<Encounter> encounter(long id) {
    return Optional.ofNullable(em.find(Encounter.class, id));
  }

  public Optional<EncounterRater> rater(long id) {
    return Optional.ofNullable(em.find(EncounterRater.class, id));
  }

  /** The rating a rater gave, if any. */
  public Optional<ObservedRating> ratingBy(long raterId) {
    return em.createQuery(
            "select r from ObservedRating r where r.raterId = :id", ObservedRating.class)
        .setParameter("id", raterId)
        .getResultStream()
        .findFirst();
  }

  public List<Encounter> encountersOf(long sessionId) {
    return em.createQuery(
            "select e from Encounter e where e.sessionId = :s order by e.station, e.id",
            Encounter.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  public List<EncounterRater> ratersOf(long encounterId) {
    return em.createQuery(
            "select r from EncounterRater r where r.encounterId = :e order by r.id",
            EncounterRater.class)
        .setParameter("e", encounterId)
        .getResultList();
  }

  /**
   * The ratings a launched user was asked for in their tenant and has not given yet, newest session
   * first.
   */
  public List<EncounterRater> pendingFor(long registrationId, long learnerId) {
    return em.createQuery(
            "select r from EncounterRater r, Encounter e, EncounterSession s"
                + " where r.learnerId = :l and e.id = r.encounterId and s.id = e.sessionId"
                + " and s.registrationId = :reg"
                + " and not exists (select o from ObservedRating o where o.raterId = r.id)"
                + " order by s.heldOn desc, r.id",
            EncounterRater.class)
        .setParameter("l", learnerId)
        .setParameter("reg", registrationId)
        .getResultList();
  }

  /** A learner's display name in a tenant, by their LMS subject. */
  public Optional<String> nameOf(long registrationId, String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select l.name from Learner l where l.registrationId = :r and l.subject = :s",
            String.class)
        .setParameter("r", registrationId)
        .setParameter("s", subject)
        .getResultStream()
        .filter(n -> n != null && !n.isBlank())
        .findFirst();
  }
}
