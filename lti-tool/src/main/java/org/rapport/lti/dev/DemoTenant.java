package org.rapport.lti.dev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.alerts.AlertEvaluation;
import org.rapport.lti.registration.RegistrationRepository;

/**
 * The demo tenant: the test platform's own tenant, filled with demo data ({@link DemoSeeding}) the
 * first time the platform is used at an address after Rapport started, in development mode only and
 * unless {@code rapport.dev.demo-data=false}. Once seeded, the tenant's alerts are evaluated by the
 * real evaluation, so faculty see the decline it finds. Nothing happens when the tenant holds the
 * demo data already (after a restart, or when another node seeded it).
 *
 * <p>Thread-safe: a node remembers the tenants it found seeded; seeding itself is serialized in the
 * database.
 */
@ApplicationScoped
public class DemoTenant {
  private static final Logger LOG = Logger.getLogger(DemoTenant.class.getName());

  @Inject
  @ConfigProperty(name = "rapport.dev.demo-data", defaultValue = "true")
  boolean enabled;

  @Inject DevPlatform platform;
  @Inject RegistrationRepository registrations;
  @Inject DemoSeeding seeding;
  @Inject AlertEvaluation evaluation;

  private final Set<Long> known = ConcurrentHashMap.newKeySet();

  /** Seeds the test platform's tenant at this address unless it holds the demo data already. */
  public void ensure(URI base) {
    if (!enabled) {
      return;
    }
    long registrationId =
        registrations
            .find(platform.issuer(base), DevPlatform.CLIENT_ID)
            .orElseThrow(() -> new IllegalStateException("The test platform is not registered."))
            .getId();
    if (known.contains(registrationId)) {
      return;
    }
    boolean seeded;
    try {
      seeded = !seeding.seeded(registrationId) && seeding.seed(registrationId);
    } catch (RuntimeException e) {
      // The launch goes on into an empty tenant; nothing of the demo data was kept.
      known.add(registrationId);
      LOG.log(
          Level.WARNING,
          "The demo data could not be written into tenant "
              + registrationId
              + "; the test platform launches into it without them until Rapport restarts.",
          e);
      return;
    }
    known.add(registrationId);
    if (!seeded) {
      return;
    }
    LOG.info(() -> "Demo data written into the test platform's tenant " + registrationId + ".");
    try {
      evaluation.evaluate(registrationId, "development mode's demo data was written");
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The demo tenant's alerts could not be evaluated now; the scheduled run will.",
          e);
    }
  }
}
