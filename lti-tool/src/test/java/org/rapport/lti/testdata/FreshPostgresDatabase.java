package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drops and recreates the PostgreSQL database the integration tests use, so every run of the {@code
 * postgres} profile starts from an empty database that Rapport migrates itself. Arguments: admin
 * JDBC URL, database name, user.
 */
public final class FreshPostgresDatabase {
  private FreshPostgresDatabase() {}

  public static void main(String[] args) throws SQLException {
    String adminUrl = args[0];
    String name = args[1];
    String user = args[2];
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Unsafe database name: " + name);
    }
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    System.out.println(
        "Created a fresh PostgreSQL database " + name + " for the integration tests.");
  }
}
