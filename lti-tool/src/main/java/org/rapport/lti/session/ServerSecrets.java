package org.rapport.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reads, creates and removes {@link ServerSecret}s. Values are never logged. */
@ApplicationScoped
public class ServerSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  private final ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

  /** The secret's bytes, created (32 random bytes) the first time it is asked for. */
  @Transactional
  public byte[] bytes(String name) {
    return cache.computeIfAbsent(
        name, n -> Base64.getDecoder().decode(find(n).orElseGet(() -> create(n, randomValue()))));
  }

  @Transactional
  public Optional<String> find(String name) {
    ServerSecret secret = em.find(ServerSecret.class, name);
    return Optional.ofNullable(secret).map(ServerSecret::getSecret);
  }

  @Transactional
  public String create(String name, String value) {
    em.persist(new ServerSecret(name, value, OffsetDateTime.now(ZoneOffset.UTC)));
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
      existing.replace(value, OffsetDateTime.now(ZoneOffset.UTC));
    }
    cache.remove(name);
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
