package org.rapport.lti.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC on the application's data source for repositories and use cases that read or write in
 * bulk (see the package description for when to use JDBC and when JPA). Inside a transaction the
 * connection takes part in it; a {@link SQLException} becomes an unchecked {@link
 * DatabaseException}, so callers above the repositories never see {@code java.sql}.
 */
@ApplicationScoped
public class Database {
  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  /** Work done on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a connection of the pool and gives the connection back. */
  public <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.on(connection);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }
}
