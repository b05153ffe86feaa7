package org.rapport.lti.persistence;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being out of reach (server stopped, connection refused or
 * cut, no connection to be had from the pool) from any other failure, by the exceptions it wraps:
 * SQL state class {@code 08} (connection exception), the JDBC connection exception types, socket
 * errors below a JDBC call, and the pool's "could not allocate a connection". Such a failure is not
 * a bug: pages answer 503 and workers wait for the database to return.
 */
public final class DatabaseOutage {
  private static final int DEEPEST_CAUSE = 24;

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable failure) {
    int depth = 0;
    boolean underDatabaseCall = false;
    for (Throwable t = failure; t != null && depth < DEEPEST_CAUSE; t = next(t), depth++) {
      if (t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && state.startsWith("08")) {
          return true;
        }
        underDatabaseCall = true;
      }
      String message = t.getMessage();
      if (message != null && message.contains("Error in allocating a connection")) {
        return true;
      }
      // A socket error counts only below a database call: the same error from a call to an LMS
      // is that LMS's failure, not the database's.
      if (underDatabaseCall && (t instanceof ConnectException || t instanceof SocketException)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException sql && sql.getNextException() != null && t.getCause() == null) {
      return sql.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
