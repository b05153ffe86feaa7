package org.rapport.lti.persistence;

import java.sql.SQLException;

/** The database failed a statement: an unexpected error of the installation, never of a request. */
public class DatabaseException extends RuntimeException {
  public DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
