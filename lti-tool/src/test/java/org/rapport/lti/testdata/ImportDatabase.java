package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.rapport.lti.persistence.SchemaMigrator;

/** A migrated database with one tenant, for tests and benchmarks of the JDBC import. */
public final class ImportDatabase {
  private ImportDatabase() {}

  /** A fresh in-memory H2 database with Rapport's schema. */
  public static JdbcDataSource freshH2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    new SchemaMigrator().migrate(ds);
    return ds;
  }

  /** Migrates the database behind {@code ds}. */
  public static void migrate(DataSource ds) {
    new SchemaMigrator().migrate(ds);
  }

  /** Creates a tenant (registration); answers its id. */
  public static long tenant(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO registration (issuer, client_id, name, platform_kind, auth_endpoint,"
                    + " jwks_uri, deployment_policy, enabled, created_at, updated_at) VALUES (?,"
                    + " 'bench', 'Benchmark', 'OTHER', 'https://lms.example.edu/auth',"
                    + " 'https://lms.example.edu/jwks', 'ACCEPT_ON_FIRST_SIGHT', TRUE, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, "https://lms-" + System.nanoTime() + ".example.edu");
      s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Creates an import job row for the tenant; answers its id. */
  public static long job(Connection c, long tenant) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO import_job (registration_id, file_name, file_sha256, state, rows_total,"
                + " rows_processed, rows_imported, rows_unchanged, problem_count, requested_by,"
                + " created_at) VALUES (?, 'bench.csv', ?, 'IMPORTING', 0, 0, 0, 0, 0, 'bench', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, tenant);
      s.setString(2, Long.toHexString(System.nanoTime()));
      s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
