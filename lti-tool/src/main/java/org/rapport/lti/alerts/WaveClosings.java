package org.rapport.lti.alerts;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.settings.RapportSettings;

/**
 * Notices waves that have closed (their closing day is over in the assessment time zone) and fires
 * {@link AssessmentDataChanged} once per tenant and closing, so that cohorts are evaluated as soon
 * as a wave's results are final instead of at the next hourly run. Each closing is claimed with an
 * update ({@code close_noticed} takes the closing day), so several nodes notice it once; a wave
 * whose window is moved and closes again is noticed again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WaveClosings {
  private static final Logger LOG = Logger.getLogger(WaveClosings.class.getName());
  private static final String CLOSED_UNNOTICED =
      "w.closes_on < ? AND (w.close_noticed IS NULL OR w.close_noticed <> w.closes_on)";

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject RapportSettings settings;
  @Inject Event<AssessmentDataChanged> changed;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false)
  void check() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      for (AssessmentDataChanged closing : claim(settings.today())) {
        changed.fireAsync(closing);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not check for closed waves; the next check tries again", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * Marks every closed, unnoticed wave as noticed; answers one change per tenant that had any,
   * naming the waves.
   */
  List<AssessmentDataChanged> claim(LocalDate today) throws SQLException {
    List<AssessmentDataChanged> closings = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (long tenant : tenantsWithClosings(c, today)) {
        String waves = closedWaves(c, tenant, today);
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE wave w SET close_noticed = closes_on WHERE "
                    + CLOSED_UNNOTICED
                    + " AND w.cohort_id IN (SELECT id FROM cohort WHERE registration_id = ?)")) {
          s.setDate(1, Date.valueOf(today));
          s.setLong(2, tenant);
          if (s.executeUpdate() > 0) {
            closings.add(new AssessmentDataChanged(tenant, "wave closed: " + waves));
          }
        }
      }
    }
    return closings;
  }

  private static List<Long> tenantsWithClosings(Connection c, LocalDate today) throws SQLException {
    List<Long> tenants = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT DISTINCT c.registration_id FROM wave w JOIN cohort c ON c.id = w.cohort_id"
                + " JOIN registration r ON r.id = c.registration_id WHERE r.enabled = TRUE AND "
                + CLOSED_UNNOTICED)) {
      s.setDate(1, Date.valueOf(today));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tenants.add(rs.getLong(1));
        }
      }
    }
    return tenants;
  }

  /** The tenant's newly closed waves, e.g. {@code Y3 of cohort 2021 on 2026-11-25}. */
  private static String closedWaves(Connection c, long tenant, LocalDate today)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.stage, c.matriculation_year, w.closes_on FROM wave w JOIN cohort c ON c.id"
                + " = w.cohort_id WHERE c.registration_id = ? AND "
                + CLOSED_UNNOTICED
                + " ORDER BY c.matriculation_year, w.closes_on")) {
      s.setLong(1, tenant);
      s.setDate(2, Date.valueOf(today));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(
              rs.getString(1)
                  + " of cohort "
                  + rs.getInt(2)
                  + " on "
                  + rs.getDate(3).toLocalDate());
        }
      }
    }
    String all = String.join(", ", names);
    return all.length() > 150 ? all.substring(0, 147) + "..." : all;
  }
}
