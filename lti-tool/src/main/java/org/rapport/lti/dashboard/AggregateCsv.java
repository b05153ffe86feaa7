package org.rapport.lti.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CrossCohortComparison;
import org.rapport.curriculum.analytics.PairedComparison;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.PublishedFigures;
import org.rapport.lti.analytics.TenantObservations;
import org.rapport.lti.web.SpreadsheetCsv;

/**
 * The aggregates of a report as CSV (RFC 4180, UTF-8): summaries per cohort, wave and measure,
 * changes between waves (matched students) and comparisons with earlier cohorts. A suppressed row
 * names its cohort, wave and measure and has no figure at all ({@code suppressed} = yes). Written
 * through {@link SpreadsheetCsv}, so no label can start a spreadsheet formula.
 *
 * <p>Figures are written at the precision decisions need and the page shows: means, SDs, intervals
 * and changes to one decimal, rates and effect sizes to two, p to three. A summary row names the
 * published version of its wave and the day it was published.
 */
final class AggregateCsv {
  static final List<String> COLUMNS =
      List.of(
          "section",
          "cohort",
          "matriculation_year",
          "instrument",
          "measure",
          "from_wave",
          "wave",
          "n",
          "mean",
          "sd",
          "ci_level",
          "ci_lower",
          "ci_upper",
          "roster_size",
          "response_rate",
          "change",
          "effect_size",
          "effect_size_kind",
          "p",
          "published_version",
          "published_on",
          "suppressed");
  static final String HEADER = new SpreadsheetCsv(COLUMNS).text();

  private AggregateCsv() {}

  static String write(
      CohortReport report, TenantObservations observations, String instrument, AlertVocabulary w) {
    return write(report, observations, instrument, new PublishedFigures(java.util.Map.of()));
  }

  static String write(
      CohortReport report,
      TenantObservations observations,
      String instrument,
      PublishedFigures published) {
    SpreadsheetCsv csv = new SpreadsheetCsv(COLUMNS);
    double level = report.settings().confidenceLevel();
    for (Summary s : report.summaries()) {
      List<String> row =
          start("summary", s.cohort(), observations, instrument, s.measure(), "", s.wave().value());
      if (s.suppressed()) {
        csv.row(hidden(row));
        continue;
      }
      Summary.Figures f = s.figures();
      row.add(Integer.toString(f.n()));
      row.add(num(f.mean()));
      row.add(num(f.sd()));
      row.add(Double.toString(level));
      row.add(num(f.ci().lower()));
      row.add(num(f.ci().upper()));
      row.add(f.rosterSize() == null ? "" : f.rosterSize().toString());
      row.add(f.responseRate() == null ? "" : num(f.responseRate(), 2));
      row.addAll(List.of("", "", "", ""));
      PublishedFigures.Version v =
          published.version(Long.parseLong(s.cohort().value()), s.wave().value());
      row.add(v == null ? "" : Integer.toString(v.version()));
      row.add(
          v == null
              ? ""
              : v.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
      row.add("no");
      csv.row(row);
    }
    for (PairedComparison pc : report.paired()) {
      List<String> row =
          start(
              pc.previousWave() ? "change_from_previous_wave" : "change_from_first_wave",
              pc.cohort(),
              observations,
              instrument,
              pc.measure(),
              pc.from().value(),
              pc.to().value());
      if (pc.suppressed()) {
        csv.row(hidden(row));
        continue;
      }
      PairedComparison.Figures f = pc.figures();
      row.add(Integer.toString(f.pairs()));
      row.add(num(f.toMean()));
      row.add(num(f.toSd()));
      row.add(Double.toString(level));
      row.add(num(f.ci().lower()));
      row.add(num(f.ci().upper()));
      row.add("");
      row.add("");
      row.add(num(f.meanChange()));
      row.add(num(f.dav(), 2));
      row.add("d_av");
      row.add(num(f.p(), 3));
      row.addAll(List.of("", "", "no"));
      csv.row(row);
    }
    for (CrossCohortComparison cc : report.crossCohort()) {
      List<String> row =
          start(
              "versus_earlier_cohorts",
              cc.cohort(),
              observations,
              instrument,
              cc.measure(),
              "",
              cc.wave().value());
      if (cc.suppressed()) {
        csv.row(hidden(row));
        continue;
      }
      CrossCohortComparison.Figures f = cc.figures();
      row.add(Integer.toString(f.n()));
      row.add(num(f.mean()));
      row.add(num(f.sd()));
      row.add(Double.toString(level));
      row.add(num(f.ci().lower()));
      row.add(num(f.ci().upper()));
      row.add("");
      row.add(f.responseRate() == null ? "" : num(f.responseRate(), 2));
      row.add(num(f.difference()));
      row.add(num(f.hedgesG(), 2));
      row.add("hedges_g");
      row.add(num(f.p(), 3));
      row.addAll(List.of("", "", "no"));
      csv.row(row);
    }
    return csv.text();
  }

  private static List<String> start(
      String section,
      CohortKey cohort,
      TenantObservations observations,
      String instrument,
      String measure,
      String from,
      String wave) {
    CohortInfo info = observations.cohort(cohort).orElse(null);
    List<String> row = new ArrayList<>(COLUMNS.size());
    row.add(section);
    row.add(info == null ? cohort.value() : info.label());
    row.add(info == null ? "" : Integer.toString(info.matriculationYear()));
    row.add(instrument);
    row.add(measure);
    row.add(from);
    row.add(wave);
    return row;
  }

  private static List<String> hidden(List<String> row) {
    while (row.size() < COLUMNS.size() - 1) {
      row.add("");
    }
    row.add("yes");
    return row;
  }

  /** Scores, SDs, intervals and changes: one decimal, as published. */
  private static String num(double v) {
    return num(v, 1);
  }

  private static String num(double v, int decimals) {
    return Double.isFinite(v)
        ? String.format(Locale.ROOT, "%." + decimals + "f", v)
        : (v > 0 ? "Infinity" : v < 0 ? "-Infinity" : "");
  }
}
