package org.rapport.lti.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.rapport.lti.settings.RapportSettings;

/**
 * At startup, makes sure an administrator can get in: from {@code rapport.admin.password} when set,
 * otherwise by printing a one-time setup link (the only secret Rapport ever logs, valid once).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AdminBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject AdminAccounts accounts;
  @Inject RapportSettings settings;

  @PostConstruct
  void ensureAdministrator() {
    if (accounts.anyExists()) {
      return;
    }
    if (settings.adminPassword().isPresent()) {
      accounts.create(AdminAccounts.DEFAULT_USERNAME, settings.adminPassword().get());
      LOG.info("Created administrator account 'admin' from rapport.admin.password.");
      return;
    }
    String token = accounts.newSetupToken();
    LOG.warning(
        "No administrator exists yet. Create one within this run at "
            + settings.configuredPublicUrl().map(Object::toString).orElse("http://localhost:8080")
            + "/admin/setup?token="
            + token
            + " (the link works once).");
  }
}
