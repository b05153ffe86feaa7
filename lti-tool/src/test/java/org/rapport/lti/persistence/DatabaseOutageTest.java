package org.rapport.lti.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
  @Test
  void aRefusedConnectionDeepInsideTheJpaAndPoolWrappersIsAnOutage() {
    SQLException pool =
        new SQLException(
            "Error in allocating a connection. Cause: Connection could not be allocated",
            new ConnectException("Connection refused"));
    assertTrue(DatabaseOutage.causedBy(new PersistenceException("query failed", pool)));
  }

  @Test
  void sqlStateClass08IsAnOutage() {
    assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("I/O", "08006"))));
    assertTrue(DatabaseOutage.causedBy(new SQLTransientConnectionException("pool empty")));
  }

  @Test
  void aConstraintViolationOrAProgrammingErrorIsNoOutage() {
    assertFalse(
        DatabaseOutage.causedBy(
            new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
    assertFalse(DatabaseOutage.causedBy(new SQLException("syntax error", "42601")));
    assertFalse(DatabaseOutage.causedBy(new IllegalStateException("no such module")));
    assertFalse(DatabaseOutage.causedBy(null));
  }

  @Test
  void aRefusedConnectionToAnLmsIsNoDatabaseOutage() {
    assertFalse(
        DatabaseOutage.causedBy(
            new IllegalStateException(
                "could not read the key set", new ConnectException("Connection refused"))));
  }

  @Test
  void aCauseChainThatLoopsEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(DatabaseOutage.causedBy(b));
  }
}
