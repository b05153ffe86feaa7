package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.launch.CourseRole;

/**
 * Reads and writes module progress, step results, reflections and drafts. Every query is bounded by
 * the tenant (registration) and, for a student's own data, by the learner; faculty queries are
 * bounded by the course and return counts only.
 */
@ApplicationScoped
public class ProgressRepository {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** The learner's progress in a module, locked until the transaction ends. */
  public Optional<ModuleProgress> lock(long registrationId, long learnerId, String moduleId) {
    return em.createQuery(
            "select p from ModuleProgress p where p.registrationId = :r and p.learnerId = :l"
                + " and p.moduleId = :m",
            ModuleProgress.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .setParameter("m", moduleId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("eclipselink.refresh", true)
        .getResultStream()
        .findFirst();
  }

  public Optional<ModuleProgress> find(long registrationId, long learnerId, String moduleId) {
    return em.createQuery(
            "select p from ModuleProgress p where p.registrationId = :r and p.learnerId = :l"
                + " and p.moduleId = :m",
            ModuleProgress.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .setParameter("m", moduleId)
        .getResultStream()
        .findFirst();
  }

  public List<ModuleProgress> all(long registrationId, long learnerId) {
    return em.createQuery(
            "select p from ModuleProgress p where p.registrationId = :r and p.learnerId = :l",
            ModuleProgress.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .getResultList();
  }

  /** The ids of the steps done, per progress row of the learner. */
  public Map<Long, Set<String>> doneSteps(long registrationId, long learnerId) {
    List<Object[]> rows =
        em.createQuery(
                "select r.progressId, r.stepId from StepResult r, ModuleProgress p"
                    + " where r.progressId = p.id and p.registrationId = :reg"
                    + " and p.learnerId = :l and r.completedAt is not null",
                Object[].class)
            .setParameter("reg", registrationId)
            .setParameter("l", learnerId)
            .getResultList();
    Map<Long, Set<String>> done = new HashMap<>();
    for (Object[] row : rows) {
      done.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((String) row[1]);
    }
    return done;
  }

  /** The step results of one progress row, by step id. */
  public Map<String, StepResult> results(long progressId) {
    Map<String, StepResult> results = new LinkedHashMap<>();
    em.createQuery("select r from StepResult r where r.progressId = :p", StepResult.class)
        .setParameter("p", progressId)
        .getResultList()
        .forEach(r -> results.put(r.getStepId(), r));
    return results;
  }

  public void add(StepResult result) {
    em.persist(result);
  }

  public Optional<ReflectionEntry> reflection(
      long registrationId, long learnerId, String moduleId, String stepId) {
    return em.createQuery(
            "select e from ReflectionEntry e where e.registrationId = :r and e.learnerId = :l"
                + " and e.moduleId = :m and e.stepId = :s",
            ReflectionEntry.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .setParameter("m", moduleId)
        .setParameter("s", stepId)
        .getResultStream()
        .findFirst();
  }

  public void add(ReflectionEntry entry) {
    em.persist(entry);
  }

  /** The learner's unsubmitted text for a step, if they have typed any. */
  public Optional<StepDraft> draft(
      long registrationId, long learnerId, String moduleId, String stepId) {
    return em.createQuery(
            "select d from StepDraft d where d.registrationId = :r and d.learnerId = :l"
                + " and d.moduleId = :m and d.stepId = :s",
            StepDraft.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .setParameter("m", moduleId)
        .setParameter("s", stepId)
        .getResultStream()
        .findFirst();
  }

  public void add(StepDraft draft) {
    em.persist(draft);
  }

  public void remove(StepDraft draft) {
    em.remove(draft);
  }

  /** All of a learner's drafts, oldest first. */
  public List<StepDraft> drafts(long registrationId, long learnerId) {
    return em.createQuery(
            "select d from StepDraft d where d.registrationId = :r and d.learnerId = :l"
                + " order by d.savedAt, d.id",
            StepDraft.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .getResultList();
  }

  /** All of a learner's reflections, oldest first. */
  public List<ReflectionEntry> reflections(long registrationId, long learnerId) {
    return em.createQuery(
            "select e from ReflectionEntry e where e.registrationId = :r and e.learnerId = :l"
                + " order by e.createdAt, e.id",
            ReflectionEntry.class)
        .setParameter("r", registrationId)
        .setParameter("l", learnerId)
        .getResultList();
  }

  /** The course's active students known to Rapport (those who launched it at least once). */
  public int courseStudents(long registrationId, long courseId) {
    Long count =
        em.createQuery(
                "select count(m) from Membership m, Course c where m.courseId = c.id"
                    + " and c.id = :c and c.registrationId = :r and m.active = true"
                    + " and m.role = :student",
                Long.class)
            .setParameter("c", courseId)
            .setParameter("r", registrationId)
            .setParameter("student", CourseRole.STUDENT)
            .getSingleResult();
    return count.intValue();
  }

  /** Per module, how many of the course's active students started and completed it. */
  public Map<String, CompletionTable.Counts> courseCounts(long registrationId, long courseId) {
    List<Object[]> rows =
        em.createQuery(
                "select p.moduleId, count(p),"
                    + " sum(case when p.completedAt is not null then 1 else 0 end)"
                    + " from ModuleProgress p, Membership m, Course c"
                    + " where m.learnerId = p.learnerId and m.courseId = c.id and c.id = :c"
                    + " and c.registrationId = :r and p.registrationId = :r"
                    + " and m.active = true and m.role = :student"
                    + " group by p.moduleId",
                Object[].class)
            .setParameter("c", courseId)
            .setParameter("r", registrationId)
            .setParameter("student", CourseRole.STUDENT)
            .getResultList();
    Map<String, CompletionTable.Counts> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put(
          (String) row[0],
          new CompletionTable.Counts(
              ((Number) row[1]).intValue(), row[2] == null ? 0 : ((Number) row[2]).intValue()));
    }
    return counts;
  }
}
