package org.rapport.lti.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Generates the tool's first key at first start. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class ToolKeyBootstrap {
  @Inject ToolKeys keys;

  @PostConstruct
  void ensureKey() {
    keys.ensureKey();
  }
}
