package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.modules.TrainingPhase;

/**
 * Which findings are history rather than news: those about a cohort that has already graduated, and
 * those whose later wave is older than the configured age ({@code
 * rapport.alerts.history-after-days}). They are filed as historical findings: shown, never mailed,
 * never counted as open.
 *
 * <p>A wave's date is its closing date; an imported wave without dates is dated to the end of the
 * calendar year after the earliest year its stage can take place. A wave created by hand without
 * dates has no known age. A cohort has graduated once a wave of the stage after which its
 * programme's residency begins (the standard programme's Year 4) closed before today, or was
 * imported (a stage the programme no longer names does not count). A finding about a graduating
 * wave that Rapport collected itself is still news, though: it is the faculty's last word on the
 * class before residency, so only its age can make it history.
 */
final class AlertHistory {
  /** The default age after which a wave's findings are history. */
  static final Duration DEFAULT_AGE = Duration.ofDays(730);

  private final LocalDate today;
  private final Duration age;
  private final Map<String, LocalDate> waveDates;
  private final Set<Long> graduated;
  private final Set<String> liveGraduatingWaves;

  private AlertHistory(
      LocalDate today,
      Duration age,
      Map<String, LocalDate> waveDates,
      Set<Long> graduated,
      Set<String> liveGraduatingWaves) {
    this.today = today;
    this.age = age;
    this.waveDates = waveDates;
    this.graduated = graduated;
    this.liveGraduatingWaves = liveGraduatingWaves;
  }

  /** Nothing is history: for callers without a history rule. */
  static AlertHistory none() {
    return new AlertHistory(LocalDate.MIN, Duration.ZERO, Map.of(), Set.of(), Set.of());
  }

  /** Reads the tenant's wave dates and graduated cohorts. */
  static AlertHistory load(
      Connection c, long registrationId, LocalDate today, Duration age, Programme programme)
      throws SQLException {
    Map<String, LocalDate> dates = new HashMap<>();
    Set<Long> graduated = new HashSet<>();
    Set<String> liveGraduatingWaves = new HashSet<>();
    Optional<TrainingStage> graduation =
        programme.stages().stream()
            .filter(s -> s.phaseAfter() == TrainingPhase.RESIDENCY)
            .findFirst();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.cohort_id, co.matriculation_year, w.stage, w.closes_on, w.origin FROM wave w"
                + " JOIN cohort co ON co.id = w.cohort_id WHERE co.registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long cohort = rs.getLong(1);
          TrainingStage stage = programme.stage(rs.getString(3));
          Date closes = rs.getDate(4);
          boolean imported = "IMPORT".equals(rs.getString(5));
          LocalDate date =
              closes != null
                  ? closes.toLocalDate()
                  : imported ? LocalDate.of(stage.earliestYear(rs.getInt(2)) + 1, 12, 31) : null;
          if (date != null) {
            dates.merge(key(cohort, stage.code()), date, (a, b) -> a.isAfter(b) ? a : b);
          }
          boolean happened = imported || (closes != null && closes.toLocalDate().isBefore(today));
          boolean known = programme.stages().stream().anyMatch(k -> k.code().equals(stage.code()));
          boolean graduating =
              known && graduation.isPresent() && stage.compareTo(graduation.get()) >= 0;
          if (happened && graduating) {
            graduated.add(cohort);
          }
          if (graduating && !imported) {
            liveGraduatingWaves.add(key(cohort, stage.code()));
          }
        }
      }
    }
    return new AlertHistory(today, age, dates, graduated, liveGraduatingWaves);
  }

  /** Whether a finding about {@code cohortId} whose later wave is {@code toStage} is history. */
  boolean historical(long cohortId, String toStage) {
    String wave = key(cohortId, toStage);
    if (graduated.contains(cohortId) && !liveGraduatingWaves.contains(wave)) {
      return true;
    }
    LocalDate date = waveDates.get(wave);
    return date != null && date.plusDays(age.toDays()).isBefore(today);
  }

  private static String key(long cohortId, String stage) {
    return cohortId + "|" + stage;
  }
}
