package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.rapport.lti.persistence.InsertIfAbsent;
import org.rapport.lti.protocol.launch.ValidatedLaunch;
import org.rapport.lti.registration.RegistrationRepository;

/**
 * Applies an accepted launch to Rapport's records: the deployment, the learner (by registration and
 * {@code sub}), the course (context), the membership with its role and the resource link.
 */
@ApplicationScoped
public class LaunchRecorder {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject RegistrationRepository registrations;
  @Inject TeachingAssistantPolicy assistantPolicy;
  @Inject InsertIfAbsent inserts;

  @Transactional(Transactional.TxType.MANDATORY)
  public LaunchedUser record(ValidatedLaunch launch, String target) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    long registrationId = launch.registration().id().value();
    inserts.serializeTenant(registrationId);
    registrations.recordDeploymentLaunch(registrationId, launch.deploymentId());

    Learner learner =
        findOrCreate(
            Learner.class,
            "select l from Learner l where l.registrationId = :a and l.subject = :b",
            registrationId,
            launch.subject(),
            registrationId,
            "learner",
            row(
                "registration_id", registrationId,
                "subject", launch.subject(),
                "created_at", now,
                "last_seen_at", now),
            List.of("registration_id", "subject"));
    learner.seen(launch.name().orElse(null), launch.email().orElse(null), now);

    // Context (course) roles only; the registration says what a TeachingAssistant is.
    CourseRole role =
        ContextRoles.inCourse(
            launch.roleUris(), assistantPolicy.teachingAssistants(registrationId));
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
              registrationId,
              "course",
              row("registration_id", registrationId, "context_id", context.id(), "created_at", now),
              List.of("registration_id", "context_id"));
      course.describe(context.label().orElse(null), context.title().orElse(null));
      courseId = course.getId();
      courseTitle = course.getTitle() != null ? course.getTitle() : course.getLabel();

      String allUris = String.join(" ", new TreeSet<>(launch.roleUris()));
      String roleUris = allUris.length() > 4000 ? allUris.substring(0, 4000) : allUris;
      Membership membership =
          findOrCreate(
              Membership.class,
              "select m from Membership m where m.courseId = :a and m.learnerId = :b",
              courseId,
              learner.getId(),
              registrationId,
              "membership",
              row(
                  "course_id",
                  courseId,
                  "learner_id",
                  learner.getId(),
                  "role",
                  role.name(),
                  "role_uris",
                  roleUris,
                  "active",
                  true,
                  "updated_at",
                  now),
              List.of("course_id", "learner_id"));
      membership.update(role, roleUris, now);

      if (launch.resourceLink().isPresent()) {
        var link = launch.resourceLink().get();
        LinkedResource resource =
            findOrCreate(
                LinkedResource.class,
                "select r from LinkedResource r where r.courseId = :a and r.linkId = :b",
                courseId,
                link.id(),
                registrationId,
                "resource_link",
                row("course_id", courseId, "link_id", link.id(), "target", target),
                List.of("course_id", "link_id"));
        resource.update(link.title().orElse(null), target);
        launch.ags().ifPresent(ags -> resource.services(ags, now));
      }
    }
    return new LaunchedUser(
        registrationId,
        learner.getId(),
        courseId,
        role,
        learner.getName() == null ? "" : learner.getName(),
        courseTitle == null ? "" : courseTitle);
  }

  /**
   * The entity the query (parameters {@code a}, {@code b}) finds; when there is none, {@code row}
   * is inserted unless a concurrent launch inserted it first, and the query finds that row. Many
   * first launches of one course at once (a class at the start of term) all succeed.
   */
  private <T> T findOrCreate(
      Class<T> type,
      String jpql,
      Object a,
      Object b,
      long registrationId,
      String table,
      LinkedHashMap<String, Object> row,
      List<String> key) {
    Optional<T> found = find(type, jpql, a, b);
    if (found.isPresent()) {
      return found.get();
    }
    inserts.insert(table, row, key, registrationId);
    return find(type, jpql, a, b).orElseThrow();
  }

  private <T> Optional<T> find(Class<T> type, String jpql, Object a, Object b) {
    return em.createQuery(jpql, type)
        .setParameter("a", a)
        .setParameter("b", b)
        .getResultStream()
        .findFirst();
  }

  private static LinkedHashMap<String, Object> row(Object... columnsAndValues) {
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return row;
  }
}
