package org.rapport.lti.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * V18's and V19's backfills on the integration tests' database: on PostgreSQL ({@code -Ppostgres})
 * in a schema of its own that is dropped afterwards, so it neither meets nor disturbs Rapport's
 * tables; on an H2 run in a fresh in-memory database, as {@link DataShapesMigrationTest}.
 */
class DataShapesMigrationIT extends DataShapesMigrationContract {
  private final String schema =
      "shapes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private String url;

  @BeforeEach
  void database() {
    url = property("it.db.url");
  }

  private boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  private static String property(String name) {
    String value = System.getProperty(name, "");
    return value.startsWith("${") ? "" : value;
  }

  @Override
  DataSource emptyDatabase() {
    if (!postgres()) {
      return new DataShapesMigrationTest().emptyDatabase();
    }
    JdbcUrlDataSource ds = new JdbcUrlDataSource();
    ds.setUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    ds.setUser(property("it.db.user"));
    ds.setPassword(property("it.db.password"));
    return ds;
  }

  @Override
  FluentConfiguration flyway(DataSource ds) {
    return postgres() ? super.flyway(ds).schemas(schema) : super.flyway(ds);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (!postgres()) {
      return;
    }
    try (Connection c = emptyDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
