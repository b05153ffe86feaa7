package org.rapport.lti.persistence;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** V18's and V19's backfills on H2 ({@code MODE=LEGACY}, as Rapport runs it). */
class DataShapesMigrationTest extends DataShapesMigrationContract {
  @Override
  DataSource emptyDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:shapes-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }
}
