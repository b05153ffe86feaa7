package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.DeploymentStore;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;
import org.rapport.lti.protocol.registration.RegistrationStore;
import org.rapport.lti.registration.PlatformRegistration;
import org.rapport.lti.registration.RegistrationChanged;
import org.rapport.lti.registration.RegistrationRepository;

/**
 * The protocol's view of the stored registrations and deployments.
 *
 * <p>Every login and launch looks its registration up by (issuer, client id); those lookups are
 * served from a cache. Contract: the cache is safe for any number of request threads (a concurrent
 * map of immutable {@link Registration} values); an edit on this node (any create or update in
 * {@link RegistrationRepository}) empties it once the edit's transaction has ended, so the next
 * lookup reads the stored registration; an edit made on another node is seen here within {@code
 * rapport.lti.registration-cache-seconds}. Only registrations that exist are cached (unknown
 * issuers cannot fill it), and it holds at most {@link #MAX_ENTRIES} of them.
 */
@ApplicationScoped
public class RegistrationDirectory implements RegistrationStore, DeploymentStore {
  static final int MAX_ENTRIES = 10_000;

  @Inject RegistrationRepository repository;

  @Inject
  @ConfigProperty(name = "rapport.lti.registration-cache-seconds", defaultValue = "30")
  long cacheSeconds;

  private record Cached(Registration registration, long expiresAtNanos) {}

  private final Map<String, Cached> byIssuerAndClient = new ConcurrentHashMap<>();

  /** Counts edits, so that a lookup that read the database before an edit does not cache it. */
  private final AtomicLong edits = new AtomicLong();

  @Override
  public Optional<Registration> find(String issuer, String clientId) {
    String key = issuer + "\n" + clientId;
    long now = System.nanoTime();
    long editsBefore = edits.get();
    Cached cached = byIssuerAndClient.get(key);
    if (cached != null && now - cached.expiresAtNanos() < 0) {
      return Optional.of(cached.registration());
    }
    Optional<Registration> found =
        repository.find(issuer, clientId).map(RegistrationDirectory::toProtocol);
    if (found.isPresent() && cacheSeconds > 0 && edits.get() == editsBefore) {
      if (byIssuerAndClient.size() >= MAX_ENTRIES) {
        byIssuerAndClient.clear();
      }
      byIssuerAndClient.put(
          key, new Cached(found.get(), now + Duration.ofSeconds(cacheSeconds).toNanos()));
    } else {
      byIssuerAndClient.remove(key);
    }
    return found;
  }

  /** Forgets every cached registration after an edit's transaction ended (committed or not). */
  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) RegistrationChanged change) {
    edits.incrementAndGet();
    byIssuerAndClient.clear();
  }

  @Override
  public List<Registration> findByIssuer(String issuer) {
    return repository.findByIssuer(issuer).stream().map(RegistrationDirectory::toProtocol).toList();
  }

  @Override
  public boolean isKnown(RegistrationId id, String deploymentId) {
    return repository.isKnownDeployment(id.value(), deploymentId);
  }

  public Optional<Registration> find(long id) {
    return repository.find(id).map(RegistrationDirectory::toProtocol);
  }

  static Registration toProtocol(PlatformRegistration r) {
    return new Registration(
        new RegistrationId(r.getId()),
        r.getIssuer(),
        r.getClientId(),
        URI.create(r.getAuthEndpoint()),
        r.getTokenEndpoint() == null ? null : URI.create(r.getTokenEndpoint()),
        URI.create(r.getJwksUri()),
        DeploymentPolicy.valueOf(r.getDeploymentPolicy()),
        r.isEnabled());
  }
}
