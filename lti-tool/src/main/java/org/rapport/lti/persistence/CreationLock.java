package org.rapport.lti.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes "create it if it does not exist yet" safe when several nodes start or serve their first
 * requests at once (the tool's first signing key, a server secret): on PostgreSQL the caller's
 * transaction takes an advisory lock named after the thing, held until it commits, so the second
 * node waits and then finds what the first created. The embedded H2 database serves one node; there
 * it does nothing.
 */
@ApplicationScoped
public class CreationLock {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "rapport.db.url", defaultValue = "jdbc:h2:")
  String url;

  /** Waits until no other transaction holds the lock of {@code name}, and holds it until commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(String name) {
    if (url.startsWith("jdbc:postgresql:")) {
      em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?))")
          .setParameter(1, "rapport:" + name)
          .getSingleResult();
    }
  }
}
