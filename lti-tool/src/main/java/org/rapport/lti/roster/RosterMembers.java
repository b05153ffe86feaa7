package org.rapport.lti.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rapport.lti.launch.ContextRoles;
import org.rapport.lti.launch.CourseRole;
import org.rapport.lti.launch.Learner;
import org.rapport.lti.launch.Membership;
import org.rapport.lti.launch.TeachingAssistantPolicy;
import org.rapport.lti.launch.TeachingAssistantRole;
import org.rapport.lti.protocol.nrps.Member;

/**
 * Stores a complete roster: learners upserted by (registration, user id), memberships with the role
 * mapped as at launch ({@link ContextRoles}, {@link CourseRole}) and the member's status, and
 * members no longer listed marked inactive, never deleted.
 */
@ApplicationScoped
public class RosterMembers {
  @Inject Clock clock;
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @jakarta.inject.Inject TeachingAssistantPolicy assistantPolicy;

  /** Active and inactive memberships of the course after the roster was applied. */
  public record Counts(int active, int inactive) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Counts store(long courseId, long registrationId, List<Member> roster) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    TeachingAssistantRole assistants = assistantPolicy.teachingAssistants(registrationId);
    Map<String, Learner> learners = learners(registrationId, roster);
    boolean created = false;
    for (Member member : roster) {
      Learner learner = learners.get(member.userId());
      if (learner == null) {
        learner = new Learner(registrationId, member.userId(), now);
        em.persist(learner);
        learners.put(member.userId(), learner);
        created = true;
      }
      learner.describe(member.name().orElse(null), member.email().orElse(null));
    }
    if (created) {
      em.flush();
    }
    Map<Long, Membership> memberships = new HashMap<>();
    em.createQuery("select m from Membership m where m.courseId = :c", Membership.class)
        .setParameter("c", courseId)
        .getResultList()
        .forEach(m -> memberships.put(m.getLearnerId(), m));
    Set<Long> listed = new HashSet<>();
    for (Member member : roster) {
      Learner learner = learners.get(member.userId());
      listed.add(learner.getId());
      Membership membership = memberships.get(learner.getId());
      if (membership == null) {
        membership = new Membership(courseId, learner.getId());
        memberships.put(learner.getId(), membership);
        membership.rostered(role(member, assistants), uris(member), member.active(), now);
        em.persist(membership);
      } else {
        membership.rostered(role(member, assistants), uris(member), member.active(), now);
      }
    }
    for (Membership membership : memberships.values()) {
      if (!listed.contains(membership.getLearnerId()) && membership.isActive()) {
        membership.deactivate(now);
      }
    }
    int active = (int) memberships.values().stream().filter(Membership::isActive).count();
    return new Counts(active, memberships.size() - active);
  }

  private Map<String, Learner> learners(long registrationId, List<Member> roster) {
    Map<String, Learner> bySubject = new HashMap<>();
    List<String> subjects = new ArrayList<>(roster.stream().map(Member::userId).toList());
    for (int from = 0; from < subjects.size(); from += CHUNK) {
      List<String> chunk = subjects.subList(from, Math.min(subjects.size(), from + CHUNK));
      em.createQuery(
              "select l from Learner l where l.registrationId = :r and l.subject in :s",
              Learner.class)
          .setParameter("r", registrationId)
          .setParameter("s", chunk)
          .getResultList()
          .forEach(l -> bySubject.put(l.getSubject(), l));
    }
    return bySubject;
  }

  /** As at launch: course roles only, TeachingAssistants as the registration says. */
  private static CourseRole role(Member member, TeachingAssistantRole assistants) {
    return ContextRoles.inCourse(member.roles(), assistants);
  }

  private static String uris(Member member) {
    return String.join(" ", new TreeSet<>(member.roles()));
  }
}
