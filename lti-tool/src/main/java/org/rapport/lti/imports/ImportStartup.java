package org.rapport.lti.imports;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** At startup, marks imports a restart interrupted as failed, so none shows as running forever. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class ImportStartup {
  private static final Logger LOG = Logger.getLogger(ImportStartup.class.getName());

  @Inject ImportJobs jobs;

  @PostConstruct
  void markInterrupted() {
    int n = jobs.markInterrupted();
    if (n > 0) {
      LOG.warning(
          () -> n + " import(s) were interrupted by a restart; nothing of them was imported.");
    }
  }
}
