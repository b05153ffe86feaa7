package org.rapport.lti.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.rapport.lti.settings.RapportSettings;

/** Tells the person who started Rapport where to open it. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class StartupNotice {
  private static final Logger LOG = Logger.getLogger(StartupNotice.class.getName());

  @Inject RapportSettings settings;

  @PostConstruct
  void announce() {
    String mode =
        settings.devMode() ? " (development mode: try it without an LMS from that page)" : "";
    String url = settings.configuredPublicUrl().map(u -> u + "/").orElse("http://localhost:8080/");
    LOG.info(() -> "Rapport is running. Open " + url + mode);
  }
}
