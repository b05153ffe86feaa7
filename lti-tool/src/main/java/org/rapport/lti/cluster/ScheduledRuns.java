package org.rapport.lti.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.lti.persistence.RapportDataSource;

/**
 * Claims one period ("slot") of a scheduled job for this node, so that a job every node schedules
 * runs once per period across all of them: the claim is the insert of the row {@code (job, slot)}
 * into {@code scheduled_run}, whose primary key lets exactly one node succeed. Each claim is its
 * own statement on a connection of its own (callers run outside container transactions), so the row
 * is visible to the other nodes at once.
 */
@ApplicationScoped
public class ScheduledRuns {
  private static final Logger LOG = Logger.getLogger(ScheduledRuns.class.getName());
  private static final String UNIQUE_VIOLATION = "23505";

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject NodeName node;
  @Inject Clock clock;

  /**
   * Whether this node runs {@code job} for the period starting at {@code slot}: true for the first
   * node to ask, false for every later one and when the database cannot be reached (the next period
   * tries again).
   */
  public boolean claim(String job, Instant slot) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT node FROM scheduled_run WHERE job = ? AND slot = ?")) {
        s.setString(1, job);
        s.setTimestamp(2, Timestamp.from(slot));
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO scheduled_run (job, slot, node, started_at) VALUES (?, ?, ?, ?)")) {
        s.setString(1, job);
        s.setTimestamp(2, Timestamp.from(slot));
        s.setString(3, node.get());
        s.setTimestamp(4, Timestamp.from(clock.instant()));
        return s.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // another node inserted the row between our look and our insert
      }
      LOG.log(Level.WARNING, "Could not claim " + job + " for " + slot + "; skipping it", e);
      return false;
    }
  }

  /** Forgets claims of periods that started before {@code before}; answers how many. */
  public int sweep(Instant before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM scheduled_run WHERE slot < ?")) {
      s.setTimestamp(1, Timestamp.from(before));
      return s.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not remove old scheduled-run claims", e);
      return 0;
    }
  }
}
