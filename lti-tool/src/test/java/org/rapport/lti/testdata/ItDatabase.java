package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A JDBC connection to the database the integration tests' Rapport uses (system properties {@code
 * it.db.url}, {@code it.db.user}, {@code it.db.password} from the build). On H2 the file is opened
 * with {@code AUTO_SERVER}, so a test and the Rapport processes share it.
 */
public final class ItDatabase {
  private ItDatabase() {}

  public static Connection connect() throws SQLException {
    String url = property("it.db.url");
    String password = property("it.db.password");
    if (password.isEmpty() && url.startsWith("jdbc:h2:")) {
      // An empty RAPPORT_DB_PASSWORD counts as unset, so Rapport used its H2 default.
      password = "rapport";
    }
    return DriverManager.getConnection(url, property("it.db.user"), password);
  }

  /** The property, or "" when the build left it empty (Maven then passes the raw expression). */
  private static String property(String name) {
    String value = System.getProperty(name, "");
    return value.startsWith("${") ? "" : value;
  }
}
