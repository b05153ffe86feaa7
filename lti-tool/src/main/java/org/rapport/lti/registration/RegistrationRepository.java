package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.persistence.InsertIfAbsent;

/** Stores registrations and their deployments. */
@ApplicationScoped
@Transactional
public class RegistrationRepository {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @jakarta.inject.Inject org.rapport.lti.web.FrameAncestors frameAncestors;
  @Inject InsertIfAbsent inserts;
  @Inject Event<RegistrationChanged> changed;

  public List<PlatformRegistration> all() {
    return em.createQuery(
            "select r from PlatformRegistration r order by r.name, r.id",
            PlatformRegistration.class)
        .getResultList();
  }

  public Optional<PlatformRegistration> find(long id) {
    return Optional.ofNullable(em.find(PlatformRegistration.class, id));
  }

  public Optional<PlatformRegistration> find(String issuer, String clientId) {
    return em.createQuery(
            "select r from PlatformRegistration r where r.issuer = :iss and r.clientId = :cid",
            PlatformRegistration.class)
        .setParameter("iss", issuer)
        .setParameter("cid", clientId)
        .getResultStream()
        .findFirst();
  }

  public List<PlatformRegistration> findByIssuer(String issuer) {
    return em.createQuery(
            "select r from PlatformRegistration r where r.issuer = :iss order by r.id",
            PlatformRegistration.class)
        .setParameter("iss", issuer)
        .getResultList();
  }

  /** Creates a registration; answers empty when (issuer, client id) is already registered. */
  public Optional<PlatformRegistration> create(
      String issuer, String clientId, RegistrationSettings settings) {
    if (find(issuer, clientId).isPresent()) {
      return Optional.empty();
    }
    OffsetDateTime now = now();
    PlatformRegistration registration = new PlatformRegistration(issuer, clientId, now);
    registration.apply(settings, now);
    em.persist(registration);
    em.flush();
    frameAncestors.invalidate();
    changed.fire(new RegistrationChanged(registration.getId()));
    return Optional.of(registration);
  }

  public Optional<PlatformRegistration> update(long id, RegistrationSettings settings) {
    return find(id)
        .map(
            registration -> {
              registration.apply(settings, now());
              frameAncestors.invalidate();
              changed.fire(new RegistrationChanged(id));
              return registration;
            });
  }

  public List<Deployment> deployments(long registrationId) {
    return em.createQuery(
            "select d from Deployment d where d.registrationId = :rid order by d.firstSeenAt",
            Deployment.class)
        .setParameter("rid", registrationId)
        .getResultList();
  }

  public boolean isKnownDeployment(long registrationId, String deploymentId) {
    return !em.createQuery(
            "select d.id from Deployment d where d.registrationId = :rid and d.deploymentId = :did",
            Long.class)
        .setParameter("rid", registrationId)
        .setParameter("did", deploymentId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Records a launch through a deployment, creating the deployment on first sight. */
  public void recordDeploymentLaunch(long registrationId, String deploymentId) {
    OffsetDateTime now = now();
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("registration_id", registrationId);
    row.put("deployment_id", deploymentId);
    row.put("first_seen_at", now);
    Deployment deployment =
        findDeployment(registrationId, deploymentId)
            .orElseGet(
                () -> {
                  // A concurrent first launch may create it at the same moment: both succeed.
                  inserts.insert(
                      "deployment",
                      row,
                      List.of("registration_id", "deployment_id"),
                      registrationId);
                  return findDeployment(registrationId, deploymentId).orElseThrow();
                });
    deployment.launched(now);
  }

  /**
   * Records a deployment id an administrator entered before any launch through it, so a
   * registration that rejects unknown deployments accepts it; nothing changes when it is known.
   */
  public void recordDeployment(long registrationId, String deploymentId) {
    if (findDeployment(registrationId, deploymentId).isPresent()) {
      return;
    }
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("registration_id", registrationId);
    row.put("deployment_id", deploymentId);
    row.put("first_seen_at", now());
    inserts.insert("deployment", row, List.of("registration_id", "deployment_id"), registrationId);
  }

  private Optional<Deployment> findDeployment(long registrationId, String deploymentId) {
    return em.createQuery(
            "select d from Deployment d where d.registrationId = :rid and d.deploymentId = :did",
            Deployment.class)
        .setParameter("rid", registrationId)
        .setParameter("did", deploymentId)
        .getResultStream()
        .findFirst();
  }

  /** How many learners, courses, memberships and deployments a registration (tenant) holds. */
  public java.util.Map<String, Long> usage(long registrationId) {
    return java.util.Map.of(
        "learners",
            count("select count(l) from Learner l where l.registrationId = :r", registrationId),
        "courses",
            count("select count(c) from Course c where c.registrationId = :r", registrationId),
        "memberships",
            count(
                "select count(m) from Membership m, Course c where m.courseId = c.id and"
                    + " c.registrationId = :r",
                registrationId),
        "deployments",
            count("select count(d) from Deployment d where d.registrationId = :r", registrationId));
  }

  private long count(String jpql, long registrationId) {
    return em.createQuery(jpql, Long.class).setParameter("r", registrationId).getSingleResult();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
