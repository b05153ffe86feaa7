package org.rapport.lti.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The leased queue on H2 (as Rapport runs it by default, {@code MODE=LEGACY}). */
class LeasedQueueTest extends LeasedQueueContract {
  private final String url =
      "jdbc:h2:mem:queue-"
          + UUID.randomUUID()
          + ";MODE=LEGACY;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }
}
