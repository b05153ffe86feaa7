package org.rapport.lti.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.persistence.SchemaMigration;

/** Ready when the database answers and the migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration migration;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      String version = migration.schemaVersion();
      return response
          .status(valid && version != null)
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .withData("schemaVersion", version == null ? "not migrated" : version)
          .build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
