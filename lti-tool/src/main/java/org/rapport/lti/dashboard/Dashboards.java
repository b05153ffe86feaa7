package org.rapport.lti.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rapport.lti.alerts.AlertRepository;
import org.rapport.lti.alerts.StoredAlert;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.dashboard.DashboardData.Analysis;
import org.rapport.lti.dashboard.OpenWaves.OpenWave;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.persistence.Database;
import org.rapport.lti.settings.RapportSettings;

/**
 * What faculty read about their institution's cohorts: one cohort's published figures with its open
 * waves and alerts, and every cohort's figures as a CSV file. Only the launched user's tenant is
 * ever read. Analytics reads in plain JDBC, in one read-only transaction.
 */
@ApplicationScoped
@Transactional
public class Dashboards {
  @Inject Database database;
  @Inject PrivacySettings privacy;
  @Inject RapportSettings settings;

  /**
   * One cohort's dashboard.
   *
   * @param openWaves the focused cohort's waves open today; empty without a cohort
   * @param alerts the focused cohort's alerts on the chosen instrument; empty without a cohort
   * @param openCounts cohort id → alerts that need attention (open, not historical), of the cohorts
   *     that have any
   */
  public record Dashboard(
      Analysis analysis,
      List<OpenWave> openWaves,
      List<StoredAlert> alerts,
      Map<Long, Integer> openCounts) {}

  /** A CSV file and the name to save it under. */
  public record Export(String fileName, String csv) {}

  /**
   * @param cohortId the cohort asked for; without one, the cohort that most needs attention: the
   *     one with the most open alerts (the most recent on a tie), else the most recent cohort with
   *     results
   * @param instrument the instrument asked for; without one (or an unknown one), the first
   */
  public Dashboard cohort(LaunchedUser user, Long cohortId, String instrument) {
    LocalDate today = settings.today();
    return database.run(
        c -> {
          Map<Long, Integer> open = AlertRepository.openCounts(c, user.registrationId());
          Long wanted = cohortId != null ? cohortId : mostAlerting(c, user.registrationId(), open);
          Analysis a =
              DashboardData.load(
                  c, user.registrationId(), wanted, instrument, false, privacy.minimumGroupSize());
          if (a.focus() == null) {
            return new Dashboard(a, List.of(), List.of(), open);
          }
          List<StoredAlert> alerts =
              AlertRepository.list(c, user.registrationId(), a.focus().id()).stream()
                  .filter(al -> a.instrument() == null || al.instrumentId().equals(a.instrument()))
                  .toList();
          return new Dashboard(
              a,
              OpenWaves.of(c, a.observations().programme(), a.focus().id(), today),
              alerts,
              open);
        });
  }

  /** The cohort with the most open alerts, the most recent on a tie; null when none has one. */
  private static Long mostAlerting(Connection c, long registrationId, Map<Long, Integer> open)
      throws SQLException {
    if (open.isEmpty()) {
      return null;
    }
    Long best = null;
    int most = 0;
    for (CohortInfo ci : DashboardData.cohorts(c, registrationId)) { // most recent first
      int count = open.getOrDefault(ci.id(), 0);
      if (count > most) {
        most = count;
        best = ci.id();
      }
    }
    return best;
  }

  /** Every cohort's published figures on one instrument, at the page's precision. */
  public Export export(LaunchedUser user, String instrument) {
    return database.run(
        c -> {
          Analysis a =
              DashboardData.load(
                  c, user.registrationId(), null, instrument, true, privacy.minimumGroupSize());
          String csv =
              a.report() == null
                  ? AggregateCsv.HEADER
                  : AggregateCsv.write(a.report(), a.observations(), a.instrument(), a.published());
          return new Export(
              "rapport-cohorts-" + (a.instrument() == null ? "none" : a.instrument()) + ".csv",
              csv);
        });
  }
}
