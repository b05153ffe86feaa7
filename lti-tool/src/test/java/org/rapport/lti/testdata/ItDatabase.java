package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A JDBC connection to the database the integration tests' Rapport uses (system properties {@code
 * it.db.url}, {@code it.db.user}, {@code it.db.password} from the build). On H2 the file is opened
 * with {@code AUTO_SERVER}, so a test and the Rapport processes share it.
 */
public final class ItDatabase {
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  private static final int H2_GENERAL_ERROR = 50000;
  private static final int H2_CONNECTION_BROKEN = 90067;

  private ItDatabase() {}

  public static Connection connect() throws SQLException {
    String url = property("it.db.url");
    String password = property("it.db.password");
    if (password.isEmpty() && url.startsWith("jdbc:h2:")) {
      // An empty RAPPORT_DB_PASSWORD counts as unset, so Rapport used its H2 default.
      password = "rapport";
    }
    // A Rapport process that has just been stopped may still hold the H2 file for a moment (see
    // stillLetGo). Wait for it to let go.
    String user = property("it.db.user");
    String pass = password;
    return Awaitility.await("the H2 file let go")
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsMatching(e -> e instanceof SQLException sql && stillLetGo(sql))
        .until(() -> DriverManager.getConnection(url, user, pass), connection -> true);
  }

  /**
   * The lock file names a server that no longer answers (90020, or 90067 when its port refuses the
   * connection), or the server thread of a Rapport whose application was just undeployed still
   * answers, failing with a general error (50000).
   */
  private static boolean stillLetGo(SQLException e) {
    return e.getErrorCode() == H2_DATABASE_ALREADY_OPEN
        || e.getErrorCode() == H2_CONNECTION_BROKEN
        || e.getErrorCode() == H2_GENERAL_ERROR
            && String.valueOf(e.getMessage()).contains("has not yet been started");
  }

  /** The property, or "" when the build left it empty (Maven then passes the raw expression). */
  private static String property(String name) {
    String value = System.getProperty(name, "");
    return value.startsWith("${") ? "" : value;
  }
}
