package org.rapport.lti.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema with the Flyway scripts of the {@code migrations} module.
 * A failing script surfaces as a {@link MigrationFailedException} naming the script.
 */
public final class SchemaMigrator {
  public static final String LOCATION = "classpath:db/migration";

  private final String[] locations;

  public SchemaMigrator() {
    this(LOCATION);
  }

  public SchemaMigrator(String... locations) {
    this.locations = locations.clone();
  }

  /** Migrates and returns the schema version now in place. */
  public String migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations)
            .failOnMissingLocations(true)
            .load();
    try {
      MigrateResult result = flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return current == null ? result.targetSchemaVersion : current.getVersion().getVersion();
    } catch (FlywayException e) {
      throw new MigrationFailedException(failedScript(flyway), e);
    }
  }

  private static String failedScript(Flyway flyway) {
    try {
      for (MigrationInfo info : flyway.info().all()) {
        if (info.getState().isFailed()) {
          return info.getScript();
        }
      }
      return null;
    } catch (FlywayException e) {
      return null;
    }
  }
}
