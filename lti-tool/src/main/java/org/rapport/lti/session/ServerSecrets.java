package org.rapport.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rapport.lti.persistence.CreationLock;
import org.rapport.lti.settings.ExternalSecrets;

/**
 * Reads, creates and removes {@link ServerSecret}s. Values are never logged. A key secret the
 * operator supplies ({@link ExternalSecrets}: environment or mounted file) takes the place of the
 * database's; key secrets can be rotated ({@link #rotate}), the previous key still verifying.
 */
@ApplicationScoped
public class ServerSecrets {
  @Inject Clock clock;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** Suffix of the secret that holds a rotated key's predecessor. */
  public static final String PREVIOUS = ".previous";

  /** How long a node trusts its copy of a key: a rotation on another node reaches it after this. */
  private static final Duration FRESH = Duration.ofSeconds(30);

  @Inject ExternalSecrets external;
  @Inject CreationLock creation;

  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(List<byte[]> keys, long loadedAt) {}

  /**
   * The secret's current key: the operator's ({@code rapport.secrets.<name>}), or the database's,
   * created (32 random bytes) the first time it is asked for.
   */
  @Transactional
  public byte[] bytes(String name) {
    return keys(name).get(0);
  }

  /**
   * The current key first, then the previous one while it exists: tokens signed before a rotation
   * verify until they expire.
   */
  @Transactional
  public List<byte[]> keys(String name) {
    Cached cached = cache.get(name);
    if (cached == null || System.nanoTime() - cached.loadedAt() > FRESH.toNanos()) {
      cached = new Cached(load(name), System.nanoTime());
      cache.put(name, cached);
    }
    return cached.keys();
  }

  private List<byte[]> load(String name) {
    List<byte[]> keys = new ArrayList<>();
    Optional<byte[]> operator = external.key(name);
    if (operator.isPresent()) {
      keys.add(operator.get());
      external.key(name + PREVIOUS).ifPresent(keys::add);
      return List.copyOf(keys);
    }
    keys.add(Base64.getDecoder().decode(find(name).orElseGet(() -> createOnce(name))));
    find(name + PREVIOUS).map(v -> Base64.getDecoder().decode(v)).ifPresent(keys::add);
    return List.copyOf(keys);
  }

  /** Creates the secret unless another node has just created it (then answers that one). */
  private String createOnce(String name) {
    creation.lock("secret:" + name);
    List<?> stored =
        em.createNativeQuery("SELECT secret FROM server_secret WHERE name = ?")
            .setParameter(1, name)
            .getResultList();
    return stored.isEmpty() ? create(name, randomValue()) : (String) stored.get(0);
  }

  /** Whether the operator supplies this secret (then it is rotated by the operator, not here). */
  public boolean external(String name) {
    return external.value(name).isPresent();
  }

  /** When the key was last rotated here, if ever (the time its predecessor was kept). */
  @Transactional
  public Optional<OffsetDateTime> lastRotation(String name) {
    return Optional.ofNullable(em.find(ServerSecret.class, name + PREVIOUS))
        .map(ServerSecret::getCreatedAt);
  }

  /**
   * Replaces a database key with a new random one and keeps the old one as its predecessor, which
   * still verifies; an earlier predecessor is dropped.
   *
   * @throws IllegalStateException when the operator supplies the key
   */
  @Transactional
  public void rotate(String name) {
    if (external(name)) {
      throw new IllegalStateException(
          "The key " + name + " comes from the configuration; rotate it there.");
    }
    String current = find(name).orElseGet(() -> create(name, randomValue()));
    put(name + PREVIOUS, current);
    put(name, randomValue());
  }

  @Transactional
  public Optional<String> find(String name) {
    ServerSecret secret = em.find(ServerSecret.class, name);
    return Optional.ofNullable(secret).map(ServerSecret::getSecret);
  }

  @Transactional
  public String create(String name, String value) {
    em.persist(new ServerSecret(name, value, OffsetDateTime.now(clock)));
    em.flush();
    return value;
  }

  /** Stores {@code value} under {@code name}, replacing any earlier value. */
  @Transactional
  public void put(String name, String value) {
    ServerSecret existing = em.find(ServerSecret.class, name);
    if (existing == null) {
      create(name, value);
    } else {
      existing.replace(value, OffsetDateTime.now(clock));
    }
    cache.remove(name);
    cache.remove(
        name.endsWith(PREVIOUS) ? name.substring(0, name.length() - PREVIOUS.length()) : name);
  }

  @Transactional
  public void remove(String name) {
    ServerSecret secret = em.find(ServerSecret.class, name);
    if (secret != null) {
      em.remove(secret);
    }
    cache.remove(name);
  }

  public static String randomValue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
