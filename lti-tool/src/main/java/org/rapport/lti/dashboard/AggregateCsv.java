package org.rapport.lti.dashboard;

import java.util.Locale;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CrossCohortComparison;
import org.rapport.curriculum.analytics.PairedComparison;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.TenantObservations;

/**
 * The aggregates of a report as CSV (RFC 4180, UTF-8): summaries per cohort, wave and measure,
 * changes between waves (matched students) and comparisons with earlier cohorts. A suppressed row
 * names its cohort, wave and measure and has no figure at all ({@code suppressed} = yes).
 */
final class AggregateCsv {
  static final String HEADER =
      "section,cohort,matriculation_year,instrument,measure,from_wave,wave,n,mean,sd,ci_level,"
          + "ci_lower,ci_upper,roster_size,response_rate,change,effect_size,effect_size_kind,p,"
          + "suppressed\r\n";

  private AggregateCsv() {}

  static String write(
      CohortReport report, TenantObservations observations, String instrument, AlertVocabulary w) {
    StringBuilder out = new StringBuilder(HEADER);
    double level = report.settings().confidenceLevel();
    for (Summary s : report.summaries()) {
      start(
          out, "summary", s.cohort(), observations, instrument, s.measure(), "", s.wave().value());
      if (s.suppressed()) {
        hidden(out);
        continue;
      }
      Summary.Figures f = s.figures();
      out.append(f.n()).append(',');
      num(out, f.mean());
      num(out, f.sd());
      num(out, level);
      num(out, f.ci().lower());
      num(out, f.ci().upper());
      out.append(f.rosterSize() == null ? "" : f.rosterSize()).append(',');
      if (f.responseRate() != null) {
        num(out, f.responseRate());
      } else {
        out.append(',');
      }
      out.append(",,,,no\r\n");
    }
    for (PairedComparison pc : report.paired()) {
      start(
          out,
          pc.previousWave() ? "change_from_previous_wave" : "change_from_first_wave",
          pc.cohort(),
          observations,
          instrument,
          pc.measure(),
          pc.from().value(),
          pc.to().value());
      if (pc.suppressed()) {
        hidden(out);
        continue;
      }
      PairedComparison.Figures f = pc.figures();
      out.append(f.pairs()).append(',');
      num(out, f.toMean());
      num(out, f.toSd());
      num(out, level);
      num(out, f.ci().lower());
      num(out, f.ci().upper());
      out.append(",,");
      num(out, f.meanChange());
      num(out, f.dav());
      out.append("d_av,");
      num(out, f.p());
      out.append("no\r\n");
    }
    for (CrossCohortComparison cc : report.crossCohort()) {
      start(
          out,
          "versus_earlier_cohorts",
          cc.cohort(),
          observations,
          instrument,
          cc.measure(),
          "",
          cc.wave().value());
      if (cc.suppressed()) {
        hidden(out);
        continue;
      }
      CrossCohortComparison.Figures f = cc.figures();
      out.append(f.n()).append(',');
      num(out, f.mean());
      num(out, f.sd());
      num(out, level);
      num(out, f.ci().lower());
      num(out, f.ci().upper());
      out.append(',');
      if (f.responseRate() != null) {
        num(out, f.responseRate());
      } else {
        out.append(',');
      }
      num(out, f.difference());
      num(out, f.hedgesG());
      out.append("hedges_g,");
      num(out, f.p());
      out.append("no\r\n");
    }
    return out.toString();
  }

  private static void start(
      StringBuilder out,
      String section,
      CohortKey cohort,
      TenantObservations observations,
      String instrument,
      String measure,
      String from,
      String wave) {
    CohortInfo info = observations.cohort(cohort).orElse(null);
    out.append(section).append(',');
    text(out, info == null ? cohort.value() : info.label());
    out.append(info == null ? "" : Integer.toString(info.matriculationYear())).append(',');
    text(out, instrument);
    text(out, measure);
    text(out, from);
    text(out, wave);
  }

  private static void hidden(StringBuilder out) {
    out.append(",,,,,,,,,,,,yes\r\n");
  }

  private static void num(StringBuilder out, double v) {
    out.append(
            Double.isFinite(v)
                ? String.format(Locale.ROOT, "%.4f", v)
                : (v > 0 ? "Infinity" : v < 0 ? "-Infinity" : ""))
        .append(',');
  }

  /** Quotes when needed; a leading = + - @ is neutralised so spreadsheets never run it. */
  static void text(StringBuilder out, String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    out.append(v).append(',');
  }
}
