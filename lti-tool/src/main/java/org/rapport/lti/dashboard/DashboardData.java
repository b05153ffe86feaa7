package org.rapport.lti.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CohortStatistics;
import org.rapport.curriculum.analytics.ReferenceSummary;
import org.rapport.lti.alerts.AlertRules;
import org.rapport.lti.alerts.LastEvaluation;
import org.rapport.lti.alerts.RuleSettings;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.ObservationQuery;
import org.rapport.lti.analytics.PublishedFigures;
import org.rapport.lti.analytics.StoredSummaries;
import org.rapport.lti.analytics.TenantObservations;

/**
 * Reads and analyses what one dashboard request shows, with the institution's rule settings
 * (confidence level, minimum group size).
 *
 * <p>A cohort's dashboard reads that cohort's scores and compares it with the earlier cohorts
 * through the summaries stored at the tenant's last evaluation ({@link StoredSummaries}), so its
 * cost does not grow with the number of earlier cohorts; before the first evaluation it reads the
 * earlier cohorts' scores instead. The export analyses every cohort from their scores.
 *
 * <p>Only published responses are read ({@link ObservationQuery}: closed waves, up to each wave's
 * published version), and each wave's summaries are replaced by its published figures ({@link
 * PublishedFigures}), so a page shows what was published and nothing finer.
 *
 * <p>Plain JDBC on the caller's connection: used by {@link DashboardResource} and the benchmark.
 */
final class DashboardData {
  private DashboardData() {}

  /**
   * What one request analysed.
   *
   * @param earlierAsOf when the earlier cohorts' summaries were computed; {@code null} when they
   *     were computed now
   */
  record Analysis(
      List<CohortInfo> cohorts,
      CohortInfo focus,
      String instrument,
      List<String> instruments,
      TenantObservations observations,
      CohortReport report,
      RuleSettings settings,
      AlertRule rule,
      Instant earlierAsOf,
      PublishedFigures published) {}

  /**
   * @param cohortId the cohort asked for; without one, the most recent cohort with results
   * @param everyCohort analyse every cohort (the export) instead of one
   */
  static Analysis load(
      Connection c,
      long registrationId,
      Long cohortId,
      String instrument,
      boolean everyCohort,
      int installationMinimumGroupSize)
      throws SQLException {
    List<CohortInfo> cohorts = cohorts(c, registrationId);
    RuleSettings settings = AlertRules.load(c, registrationId);
    AlertRule rule = settings.effectiveRule(installationMinimumGroupSize);
    if (cohorts.isEmpty()) {
      return new Analysis(
          cohorts, null, null, List.of(), null, null, settings, rule, null, noneYet());
    }
    CohortInfo focus = null;
    if (!everyCohort) {
      Long wanted = cohortId != null ? cohortId : latestWithResults(c, registrationId);
      focus =
          cohorts.stream()
              .filter(ci -> wanted != null && ci.id() == wanted)
              .findFirst()
              .orElse(cohorts.get(0));
    }
    Optional<LastEvaluation> last =
        everyCohort ? Optional.empty() : LastEvaluation.find(c, registrationId);
    TenantObservations observations;
    if (last.isPresent()) {
      TenantObservations own = ObservationQuery.loadCohort(c, registrationId, focus.id());
      Map<Long, CohortInfo> named = new HashMap<>();
      for (CohortInfo ci : cohorts) {
        named.put(ci.id(), ci);
      }
      named.putAll(own.cohorts());
      observations = new TenantObservations(registrationId, named, own.datasets(), own.programme());
    } else {
      int latest = everyCohort ? Integer.MAX_VALUE : focus.matriculationYear();
      observations = ObservationQuery.load(c, registrationId, latest);
    }
    List<String> instruments = observations.instruments();
    String chosen =
        instrument != null && instruments.contains(instrument)
            ? instrument
            : instruments.isEmpty() ? null : instruments.get(0);
    CohortReport report = null;
    PublishedFigures published = noneYet();
    if (chosen != null) {
      List<ReferenceSummary> earlier =
          last.isPresent()
              ? StoredSummaries.before(
                  c,
                  registrationId,
                  chosen,
                  focus.matriculationYear(),
                  rule.analysisSettings().suppression())
              : List.of();
      report =
          CohortStatistics.analyse(
              observations.datasets().get(chosen), rule.analysisSettings(), earlier);
      published = PublishedFigures.load(c, registrationId, chosen, everyCohort ? null : focus.id());
      report = published.apply(report);
    }
    if (focus != null) {
      focus = observations.cohorts().getOrDefault(focus.id(), focus);
    }
    return new Analysis(
        cohorts,
        focus,
        chosen,
        instruments,
        observations,
        report,
        settings,
        rule,
        last.map(LastEvaluation::evaluatedAt).orElse(null),
        published);
  }

  private static PublishedFigures noneYet() {
    return new PublishedFigures(Map.of());
  }

  /** The tenant's cohorts, most recent first. */
  static List<CohortInfo> cohorts(Connection c, long registrationId) throws SQLException {
    List<CohortInfo> cohorts = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, matriculation_year, label FROM cohort WHERE registration_id = ?"
                + " ORDER BY matriculation_year DESC, id DESC")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          cohorts.add(new CohortInfo(rs.getLong(1), rs.getInt(2), rs.getString(3), null));
        }
      }
    }
    return cohorts;
  }

  /** The most recent cohort with a submitted or imported response; null when none has one. */
  private static Long latestWithResults(Connection c, long registrationId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT c.id FROM cohort c WHERE c.registration_id = ? AND EXISTS (SELECT 1 FROM wave"
                + " w JOIN assessment_response r ON r.wave_id = w.id WHERE w.cohort_id = c.id AND"
                + " r.status IN ('SUBMITTED', 'IMPORTED')) ORDER BY c.matriculation_year DESC,"
                + " c.id DESC FETCH FIRST 1 ROWS ONLY")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}
