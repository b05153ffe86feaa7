package org.rapport.lti.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.rapport.lti.launch.TeachingAssistantPolicy;
import org.rapport.lti.launch.TeachingAssistantRole;

/** Reads and changes registrations' identity policies. */
@ApplicationScoped
public class IdentityPolicies implements TeachingAssistantPolicy {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** The policy of a registration, the defaults when it never changed it. */
  @Transactional
  public IdentityPolicyView of(long registrationId) {
    IdentityPolicy policy = em.find(IdentityPolicy.class, registrationId);
    return policy != null ? policy.view() : new IdentityPolicy(registrationId).view();
  }

  /** How a course TeachingAssistant counts in this registration (one lookup by primary key). */
  @Transactional
  @Override
  public TeachingAssistantRole teachingAssistants(long registrationId) {
    return TeachingAssistantRole.valueOf(of(registrationId).teachingAssistantRole());
  }

  @Transactional
  public boolean launchLinksAllowed(long registrationId) {
    return of(registrationId).launchLinksAllowed();
  }

  /**
   * Stores a change whose fields the admin API has checked ({@link IdentityPolicyView}'s
   * constraints); {@code by} is the administrator.
   */
  @Transactional
  public IdentityPolicyView change(long registrationId, IdentityPolicyView change, String by) {
    TeachingAssistantRole assistants =
        TeachingAssistantRole.valueOf(
            change.teachingAssistantRole().strip().toUpperCase(Locale.ROOT));
    IdentityPolicy policy = em.find(IdentityPolicy.class, registrationId);
    if (policy == null) {
      policy = new IdentityPolicy(registrationId);
      policy.change(change.launchLinksAllowed(), assistants, by, OffsetDateTime.now(clock));
      em.persist(policy);
    } else {
      policy.change(change.launchLinksAllowed(), assistants, by, OffsetDateTime.now(clock));
    }
    return policy.view();
  }
}
