package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeSet;
import org.rapport.lti.admin.RegistrationRepository;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * Applies an accepted launch to Rapport's records: the deployment, the learner (by registration and
 * {@code sub}), the course (context), the membership with its role and the resource link.
 */
@ApplicationScoped
public class LaunchRecorder {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject RegistrationRepository registrations;
  @Inject Event<LearnerLaunched> launched;

  @Transactional(Transactional.TxType.MANDATORY)
  public LaunchedUser record(ValidatedLaunch launch, String target) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    long registrationId = launch.registration().id().value();
    registrations.recordDeploymentLaunch(registrationId, launch.deploymentId());

    Learner learner =
        findOrCreate(
            Learner.class,
            "select l from Learner l where l.registrationId = :a and l.subject = :b",
            registrationId,
            launch.subject(),
            () -> new Learner(registrationId, launch.subject(), now));
    learner.seen(launch.name().orElse(null), launch.email().orElse(null), now);
    em.flush();

    CourseRole role = CourseRole.from(launch.roles());
    Long courseId = null;
    String courseTitle = null;
    if (launch.context().isPresent()) {
      var context = launch.context().get();
      Course course =
          findOrCreate(
              Course.class,
              "select c from Course c where c.registrationId = :a and c.contextId = :b",
              registrationId,
              context.id(),
              () -> new Course(registrationId, context.id(), now));
      course.describe(context.label().orElse(null), context.title().orElse(null));
      em.flush();
      courseId = course.getId();
      courseTitle = course.getTitle() != null ? course.getTitle() : course.getLabel();

      Long finalCourseId = courseId;
      Membership membership =
          em.createQuery(
                  "select m from Membership m where m.courseId = :c and m.learnerId = :l",
                  Membership.class)
              .setParameter("c", courseId)
              .setParameter("l", learner.getId())
              .getResultStream()
              .findFirst()
              .orElseGet(
                  () -> {
                    Membership created = new Membership(finalCourseId, learner.getId());
                    return created;
                  });
      membership.update(role, String.join(" ", new TreeSet<>(launch.roleUris())), now);
      if (membership.getId() == null) {
        em.persist(membership);
      }

      if (launch.resourceLink().isPresent()) {
        var link = launch.resourceLink().get();
        LinkedResource resource =
            em.createQuery(
                    "select r from LinkedResource r where r.courseId = :c and r.linkId = :l",
                    LinkedResource.class)
                .setParameter("c", courseId)
                .setParameter("l", link.id())
                .getResultStream()
                .findFirst()
                .orElseGet(() -> new LinkedResource(finalCourseId, link.id()));
        resource.update(link.title().orElse(null), target);
        launch.ags().ifPresent(ags -> resource.services(ags, now));
        if (resource.getId() == null) {
          em.persist(resource);
        }
      }
    }
    launched.fire(
        new LearnerLaunched(
            registrationId, learner.getId(), learner.getSubject(), role, launch.custom()));
    return new LaunchedUser(
        registrationId,
        learner.getId(),
        courseId,
        role,
        learner.getName() == null ? "" : learner.getName(),
        courseTitle == null ? "" : courseTitle);
  }

  /** The entity the query (parameters {@code a}, {@code b}) finds, or a new persisted one. */
  private <T> T findOrCreate(
      Class<T> type, String jpql, Object a, Object b, java.util.function.Supplier<T> create) {
    return em.createQuery(jpql, type)
        .setParameter("a", a)
        .setParameter("b", b)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              T created = create.get();
              em.persist(created);
              return created;
            });
  }
}
