package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.rapport.lti.protocol.deeplinking.DeepLinkingRequest;
import org.rapport.lti.protocol.launch.ValidatedLaunch;
import org.rapport.lti.protocol.registration.Registration;

/**
 * Deep-linking requests (Deep Linking 2.0 §4.4) kept server-side between the launch and the
 * instructor's answer, under a random id bound to the registration and the person who launched.
 * Each is answered once, within {@link #LIFETIME}.
 */
@ApplicationScoped
public class DeepLinkRequests {
  @Inject Clock clock;
  public static final Duration LIFETIME = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject RegistrationDirectory directory;

  /** A stored request, readable by the person it belongs to. */
  public record Open(String id, long registrationId, long learnerId, DeepLinkingRequest request) {}

  /** Stores the launch's request; answers its id. */
  @Transactional(Transactional.TxType.MANDATORY)
  public String open(ValidatedLaunch launch, long learnerId) {
    OffsetDateTime now = now();
    em.createQuery("delete from PendingDeepLink p where p.expiresAt < :before")
        .setParameter("before", now.minusDays(1))
        .executeUpdate();
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    DeepLinkingRequest request = DeepLinkingRequest.of(launch);
    em.persist(
        new PendingDeepLink(
            id,
            launch.registration().id().value(),
            learnerId,
            launch.deploymentId(),
            request.settingsJson(),
            now,
            now.plus(LIFETIME)));
    return id;
  }

  /** The unanswered, unexpired request {@code id} of this person, if there is one. */
  @Transactional
  public Optional<Open> find(String id, long registrationId, long learnerId) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{16,64}")) {
      return Optional.empty();
    }
    PendingDeepLink pending = em.find(PendingDeepLink.class, id);
    if (pending == null
        || pending.getRegistrationId() != registrationId
        || pending.getLearnerId() != learnerId
        || pending.getAnsweredAt() != null
        || !pending.getExpiresAt().isAfter(now())) {
      return Optional.empty();
    }
    Registration registration = directory.find(registrationId).orElse(null);
    if (registration == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Open(
            id,
            registrationId,
            learnerId,
            DeepLinkingRequest.restore(
                registration.clientId(),
                registration.issuer(),
                pending.getDeploymentId(),
                pending.getSettingsJson())));
  }

  /**
   * Marks the request answered; false when it was answered already (a second submission). One
   * conditional update, so of two submissions at once exactly one answers.
   */
  @Transactional
  public boolean answer(String id) {
    return em.createQuery(
                "update PendingDeepLink p set p.answeredAt = :now"
                    + " where p.id = :id and p.answeredAt is null")
            .setParameter("now", now())
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
