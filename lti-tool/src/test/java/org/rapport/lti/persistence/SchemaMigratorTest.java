package org.rapport.lti.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {
  private static JdbcDataSource freshH2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  @Test
  void shippedMigrationsCreateTheSchemaOnH2() throws SQLException {
    JdbcDataSource ds = freshH2("shipped");
    String version = new SchemaMigrator().migrate(ds);
    assertTrue(Integer.parseInt(version) >= 1, "schema version " + version);
    try (Connection c = ds.getConnection();
        ResultSet tables = c.getMetaData().getTables(null, null, "REGISTRATION", null)) {
      assertTrue(tables.next(), "registration table exists");
    }
    assertEquals(version, new SchemaMigrator().migrate(ds), "a second run changes nothing");
  }

  @Test
  void aBrokenMigrationStopsWithAMessageNamingTheScript() {
    JdbcDataSource ds = freshH2("broken");
    MigrationFailedException failure =
        assertThrows(
            MigrationFailedException.class,
            () -> new SchemaMigrator("classpath:db/broken").migrate(ds));
    assertEquals("V2__broken_on_purpose.sql", failure.script());
    assertTrue(
        failure.getMessage().startsWith("Database migration V2__broken_on_purpose.sql failed"),
        failure.getMessage());
  }

  @Test
  void anUnreachableDatabaseSaysSoWithoutBlamingAScript() {
    JdbcUrlDataSource ds = new JdbcUrlDataSource();
    ds.setUrl("jdbc:postgresql://127.0.0.1:1/nothing-listens-here?connectTimeout=2");
    MigrationFailedException failure =
        assertThrows(MigrationFailedException.class, () -> new SchemaMigrator().migrate(ds));
    assertEquals(null, failure.script());
    assertTrue(failure.getMessage().contains("rapport.db.url"), failure.getMessage());
  }
}
