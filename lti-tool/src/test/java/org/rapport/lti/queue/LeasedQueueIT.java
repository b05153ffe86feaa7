package org.rapport.lti.queue;

import java.sql.Connection;
import java.sql.SQLException;
import org.rapport.lti.testdata.ItDatabase;

/**
 * The leased queue on the integration tests' database: PostgreSQL with {@code -Ppostgres} (where
 * claims use {@code FOR UPDATE SKIP LOCKED}), the H2 file otherwise. No Rapport is needed.
 */
class LeasedQueueIT extends LeasedQueueContract {
  @Override
  Connection connect() throws SQLException {
    return ItDatabase.connect();
  }
}
