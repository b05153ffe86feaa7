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
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.web.MissingException;

/** Reads and changes registrations' identity policies. */
@ApplicationScoped
public class IdentityPolicies implements TeachingAssistantPolicy {
  @Inject Clock clock;
  @Inject RegistrationRepository registrations;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /**
   * The policy of a registration, the defaults when it never changed it.
   *
   * @throws MissingException when there is no such registration
   */
  @Transactional
  public IdentityPolicyView of(long registrationId) {
    requireRegistration(registrationId);
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
   *
   * @throws MissingException when there is no such registration
   */
  @Transactional
  public IdentityPolicyView change(long registrationId, IdentityPolicyView change, String by) {
    requireRegistration(registrationId);
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

  private void requireRegistration(long id) {
    if (registrations.find(id).isEmpty()) {
      throw new MissingException("There is no registration (tenant) with id " + id + ".");
    }
  }
}
