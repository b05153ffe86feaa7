package org.rapport.lti.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CrossCohortComparison;
import org.rapport.curriculum.analytics.MixedModelContrast;
import org.rapport.curriculum.analytics.PairedComparison;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.alerts.FigureFormat;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.ObservationQuery;
import org.rapport.lti.analytics.TenantObservations;

/**
 * Turns one cohort's part of a {@link CohortReport} into what the dashboard page shows: a chart and
 * a table per measure, the changes between waves, and the comparison with earlier cohorts.
 * Suppressed records carry no figures, so a hidden cell can only ever say "hidden".
 */
final class CohortDashboard {
  private CohortDashboard() {}

  static Map<String, Object> values(
      CohortReport report,
      TenantObservations observations,
      String instrument,
      CohortInfo cohort,
      AlertVocabulary words) {
    CohortKey key = cohort.key();
    int minimum = report.settings().suppression().minimumGroupSize();
    String level = FigureFormat.level(report.settings().confidenceLevel());
    String hiddenNote = "Hidden: fewer than " + minimum + " students";
    Map<String, Object> v = new HashMap<>();
    v.put("level", level);
    v.put("minimumGroupSize", minimum);

    List<String> measures = new ArrayList<>();
    for (Summary s : report.summaries()) {
      if (s.cohort().equals(key) && !measures.contains(s.measure())) {
        measures.add(s.measure());
      }
    }
    List<Map<String, Object>> sections = new ArrayList<>();
    for (String measure : measures) {
      List<Summary> waves =
          report.summaries().stream()
              .filter(s -> s.cohort().equals(key) && s.measure().equals(measure))
              .toList();
      String name = words.measure(instrument, measure);
      List<TrendChart.Point> points = new ArrayList<>();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Summary s : waves) {
        String wave = AlertVocabulary.stage(s.wave().value());
        Map<String, Object> row = new HashMap<>();
        row.put("wave", wave);
        row.put("stage", s.wave().value());
        if (s.suppressed()) {
          row.put("hidden", true);
          row.put("hiddenNote", hiddenNote);
          points.add(TrendChart.Point.hidden(wave, "hidden"));
        } else {
          Summary.Figures f = s.figures();
          row.put("n", f.n());
          row.put("mean", FigureFormat.score(f.mean()));
          row.put("sd", FigureFormat.score(f.sd()));
          row.put("ci", FigureFormat.interval(f.ci().lower(), f.ci().upper()));
          row.put("rate", FigureFormat.rate(f.responseRate()));
          row.put("roster", f.rosterSize() == null ? "unknown" : f.rosterSize());
          String note =
              f.responseRate() == null
                  ? "n = " + f.n()
                  : FigureFormat.rate(f.responseRate()) + " answered";
          points.add(
              new TrendChart.Point(
                  wave,
                  f.mean(),
                  f.ci().lower(),
                  f.ci().upper(),
                  note,
                  wave
                      + ": mean "
                      + FigureFormat.score(f.mean())
                      + ", "
                      + level
                      + " CI "
                      + FigureFormat.interval(f.ci().lower(), f.ci().upper())
                      + ", n = "
                      + f.n()
                      + ", response rate "
                      + FigureFormat.rate(f.responseRate())));
        }
        rows.add(row);
      }
      String id = "trend-" + measure.replaceAll("[^a-z0-9-]", "-");
      String title = cohort.label() + ": " + name + " across waves";
      String desc =
          "Mean "
              + name.toLowerCase(java.util.Locale.ROOT)
              + " at each wave with its "
              + level
              + " confidence interval as an error bar; the share of the cohort that answered is"
              + " written under each wave. Waves with fewer than "
              + minimum
              + " answers are hidden. The same figures are in the table beside the chart.";
      Map<String, Object> section = new HashMap<>();
      section.put("id", id);
      section.put("measure", measure);
      section.put("name", name);
      section.put("total", ObservationQuery.TOTAL.equals(measure));
      section.put("chart", TrendChart.svg(id, title, desc, name, points, false));
      section.put("caption", name + " of " + cohort.label() + " at each wave");
      section.put("rows", rows);
      sections.add(section);
    }
    v.put("trend", sections.stream().filter(s -> (boolean) s.get("total")).toList());
    v.put("subscales", sections.stream().filter(s -> !(boolean) s.get("total")).toList());
    v.put("hasSubscales", sections.stream().anyMatch(s -> !(boolean) s.get("total")));

    Map<String, MixedModelContrast> contrasts = new HashMap<>();
    for (MixedModelContrast m : report.allStudents()) {
      if (m.cohort().equals(key)) {
        contrasts.put(m.measure() + "|" + m.from() + "|" + m.to(), m);
      }
    }
    List<Map<String, Object>> changes = new ArrayList<>();
    for (PairedComparison pc : report.paired()) {
      if (!pc.cohort().equals(key)) {
        continue;
      }
      Map<String, Object> row = new HashMap<>();
      row.put("measure", words.measure(instrument, pc.measure()));
      row.put(
          "kind",
          pc.previousWave()
              ? (pc.fromBaseline() ? "Previous wave (also the first)" : "Previous wave")
              : "First wave");
      row.put("from", AlertVocabulary.stage(pc.from().value()));
      row.put("to", AlertVocabulary.stage(pc.to().value()));
      if (pc.suppressed()) {
        row.put("hidden", true);
        row.put("hiddenNote", hiddenNote);
      } else {
        PairedComparison.Figures f = pc.figures();
        row.put("pairs", f.pairs());
        row.put("fromMean", FigureFormat.score(f.fromMean()));
        row.put("toMean", FigureFormat.score(f.toMean()));
        row.put("change", FigureFormat.score(f.meanChange()));
        row.put("ci", FigureFormat.interval(f.ci().lower(), f.ci().upper()));
        row.put("dav", FigureFormat.effect(f.dav()));
        row.put("p", FigureFormat.p(f.p()));
        row.put("decline", f.ci().upper() < 0);
        MixedModelContrast m = contrasts.get(pc.measure() + "|" + pc.from() + "|" + pc.to());
        if (m != null && !m.suppressed()) {
          row.put(
              "allStudents",
              FigureFormat.score(m.figures().estimate())
                  + " ("
                  + FigureFormat.interval(m.figures().ci().lower(), m.figures().ci().upper())
                  + "), "
                  + m.figures().students()
                  + " students");
        } else {
          row.put("allStudents", "hidden");
        }
      }
      changes.add(row);
    }
    v.put("changes", changes);
    v.put("hasChanges", !changes.isEmpty());

    List<Map<String, Object>> crossRows = new ArrayList<>();
    List<TrendChart.Point> crossPoints = new ArrayList<>();
    for (CrossCohortComparison cc : report.crossCohort()) {
      if (!cc.cohort().equals(key)) {
        continue;
      }
      String wave = AlertVocabulary.stage(cc.wave().value());
      Map<String, Object> row = new HashMap<>();
      row.put("measure", words.measure(instrument, cc.measure()));
      row.put("wave", wave);
      row.put("reference", referenceNames(cc.reference(), observations));
      boolean total = ObservationQuery.TOTAL.equals(cc.measure());
      if (cc.suppressed()) {
        row.put("hidden", true);
        row.put("hiddenNote", hiddenNote);
        if (total) {
          crossPoints.add(TrendChart.Point.hidden(wave, "hidden"));
        }
      } else {
        CrossCohortComparison.Figures f = cc.figures();
        row.put("n", f.n());
        row.put("mean", FigureFormat.score(f.mean()));
        row.put("referenceN", f.referenceN());
        row.put("referenceMean", FigureFormat.score(f.referenceMean()));
        row.put("difference", FigureFormat.score(f.difference()));
        row.put("ci", FigureFormat.interval(f.ci().lower(), f.ci().upper()));
        row.put("g", FigureFormat.effect(f.hedgesG()));
        row.put("p", FigureFormat.p(f.p()));
        row.put(
            "rates",
            FigureFormat.rate(f.responseRate())
                + " / "
                + FigureFormat.rate(f.referenceResponseRate()));
        if (total) {
          crossPoints.add(
              new TrendChart.Point(
                  wave,
                  f.difference(),
                  f.ci().lower(),
                  f.ci().upper(),
                  "n = " + f.n() + " / " + f.referenceN(),
                  wave
                      + ": "
                      + FigureFormat.score(f.difference())
                      + " points against earlier cohorts, "
                      + level
                      + " CI "
                      + FigureFormat.interval(f.ci().lower(), f.ci().upper())
                      + ", Hedges' g "
                      + FigureFormat.effect(f.hedgesG())));
        }
      }
      crossRows.add(row);
    }
    v.put("cross", crossRows);
    v.put("hasCross", !crossRows.isEmpty());
    if (!crossPoints.isEmpty()) {
      v.put(
          "crossChart",
          TrendChart.svg(
              "versus-earlier",
              cohort.label() + " against earlier cohorts",
              "Difference between this cohort's mean total score and the earlier cohorts' pooled"
                  + " mean at the same wave, with its "
                  + level
                  + " confidence interval; below zero means lower than earlier cohorts. The table"
                  + " beside the chart has the same figures.",
              "Difference in points",
              crossPoints,
              true));
    }
    return v;
  }

  /** The earlier cohorts by name, or their number and range when there are many. */
  static String referenceNames(List<CohortKey> reference, TenantObservations observations) {
    List<String> names =
        reference.stream()
            .map(k -> observations.cohort(k).map(CohortInfo::label).orElse(k.value()))
            .toList();
    if (names.size() <= 4) {
      return String.join(", ", names);
    }
    return names.size()
        + " earlier cohorts, "
        + names.get(0)
        + " to "
        + names.get(names.size() - 1);
  }
}
