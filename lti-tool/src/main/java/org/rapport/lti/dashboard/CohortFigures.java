package org.rapport.lti.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.EffectSizeMeasure;
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
 * One cohort's part of a {@link CohortReport} as the dashboard page shows it: a chart and a table
 * per measure, the changes between waves, and the comparison with earlier cohorts. Suppressed
 * records carry no figures, so a hidden row can only ever say "hidden".
 *
 * @param level the confidence level in words, e.g. "95%"
 * @param trend the total score's section (one, or none)
 * @param crossChart the chart against earlier cohorts; {@code null} when there is nothing to draw
 * @param shown whether any wave of the total score is shown (else the page teaches instead of
 *     drawing an empty chart)
 * @param ruleMet whether any change in the table meets the alert rule (the legend is shown then)
 */
public record CohortFigures(
    String level,
    int minimumGroupSize,
    List<MeasureSection> trend,
    List<MeasureSection> subscales,
    boolean hasSubscales,
    List<ChangeRow> changes,
    boolean hasChanges,
    List<CrossRow> cross,
    boolean hasCross,
    TrendChart crossChart,
    boolean shown,
    boolean ruleMet) {

  /** One measure's chart and table across waves. */
  public record MeasureSection(
      String id,
      String measure,
      String name,
      boolean total,
      TrendChart chart,
      String caption,
      String axisNote,
      boolean shown,
      List<WaveRow> rows) {}

  /** One wave of a measure; without figures when hidden. */
  public record WaveRow(
      String wave,
      String stage,
      boolean hidden,
      String hiddenNote,
      Integer n,
      String mean,
      String sd,
      String ci,
      String rate) {}

  /**
   * The change of one measure between two waves; without figures when hidden.
   *
   * @param decline the confidence interval lies below zero
   * @param meetsRule the change meets the alert rule (interval below zero and the effect at or
   *     beyond the threshold, from at least the minimum number of students)
   */
  public record ChangeRow(
      String measureId,
      String fromStage,
      String toStage,
      boolean previousWave,
      String measure,
      String kind,
      String from,
      String to,
      boolean hidden,
      String hiddenNote,
      Integer pairs,
      String fromMean,
      String toMean,
      String change,
      String ci,
      String dav,
      String p,
      boolean decline,
      boolean meetsRule,
      String allStudents,
      Double davValue) {}

  /** One measure at one wave against the earlier cohorts; without figures when hidden. */
  public record CrossRow(
      String measure,
      String wave,
      String reference,
      boolean hidden,
      String hiddenNote,
      Integer n,
      String mean,
      Integer referenceN,
      String referenceMean,
      String difference,
      String ci,
      String g,
      String p) {}

  static CohortFigures of(
      CohortReport report,
      TenantObservations observations,
      String instrument,
      CohortInfo cohort,
      AlertVocabulary words) {
    return of(report, observations, instrument, cohort, words, null, null);
  }

  /**
   * @param rule the alert rule the changes are marked against; {@code null} marks none
   * @param norm the instrument's published norm for its total score; {@code null} when none
   */
  static CohortFigures of(
      CohortReport report,
      TenantObservations observations,
      String instrument,
      CohortInfo cohort,
      AlertVocabulary words,
      AlertRule rule,
      TrendChart.Reference norm) {
    CohortKey key = cohort.key();
    int minimum = report.settings().suppression().minimumGroupSize();
    String level = FigureFormat.level(report.settings().confidenceLevel());
    String hiddenNote =
        "Hidden: fewer than "
            + minimum
            + " students answered (figures are shown from "
            + minimum
            + ", to protect privacy)";

    List<MeasureSection> sections =
        sections(report, observations, instrument, cohort, words, level, minimum, hiddenNote, norm);
    List<MeasureSection> subscales = sections.stream().filter(s -> !s.total()).toList();
    List<ChangeRow> changes =
        changes(report, observations, key, instrument, words, hiddenNote, rule);
    double totalSd = pooledSd(report, key, ObservationQuery.TOTAL);

    List<CrossRow> crossRows = new ArrayList<>();
    List<TrendChart.Point> crossPoints = new ArrayList<>();
    for (CrossCohortComparison cc : report.crossCohort()) {
      if (!cc.cohort().equals(key)) {
        continue;
      }
      String wave = AlertVocabulary.stage(observations.programme(), cc.wave().value());
      String measure = words.measure(instrument, cc.measure());
      String reference = referenceNames(cc.reference(), observations);
      boolean total = ObservationQuery.TOTAL.equals(cc.measure());
      if (cc.suppressed()) {
        crossRows.add(
            new CrossRow(
                measure,
                wave,
                reference,
                true,
                hiddenNote,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        if (total) {
          crossPoints.add(TrendChart.Point.hidden(wave, "hidden"));
        }
        continue;
      }
      CrossCohortComparison.Figures f = cc.figures();
      String ci = FigureFormat.interval(f.ci().lower(), f.ci().upper());
      crossRows.add(
          new CrossRow(
              measure,
              wave,
              reference,
              false,
              null,
              f.n(),
              FigureFormat.score(f.mean()),
              f.referenceN(),
              FigureFormat.score(f.referenceMean()),
              FigureFormat.score(f.difference()),
              ci,
              FigureFormat.effect(f.hedgesG()),
              FigureFormat.p(f.p())));
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
                    + ci
                    + ", Hedges' g "
                    + FigureFormat.effect(f.hedgesG())));
      }
    }
    TrendChart crossChart =
        crossPoints.isEmpty()
            ? null
            : TrendChart.of(
                "versus-earlier",
                cohort.label() + " against earlier cohorts",
                "Difference between this cohort's mean total score and the earlier cohorts' pooled"
                    + " mean at the same wave, with its "
                    + level
                    + " confidence interval; below zero means lower than earlier cohorts. The table"
                    + " beside the chart has the same figures.",
                "Difference in points",
                crossPoints,
                true,
                totalSd,
                null);
    return new CohortFigures(
        level,
        minimum,
        sections.stream().filter(MeasureSection::total).toList(),
        subscales,
        !subscales.isEmpty(),
        changes,
        !changes.isEmpty(),
        crossRows,
        !crossRows.isEmpty(),
        crossChart,
        sections.stream().anyMatch(m -> m.total() && m.shown()),
        changes.stream().anyMatch(ChangeRow::meetsRule));
  }

  /**
   * The standard deviation of a measure pooled over the cohort's shown waves (each wave's variance
   * weighted by its degrees of freedom); 0 when no wave is shown.
   */
  static double pooledSd(CohortReport report, CohortKey key, String measure) {
    double squares = 0;
    int df = 0;
    for (Summary s : report.summaries()) {
      if (s.cohort().equals(key) && s.measure().equals(measure) && !s.suppressed()) {
        Summary.Figures f = s.figures();
        if (f.n() > 1 && !Double.isNaN(f.sd())) {
          squares += (f.n() - 1) * f.sd() * f.sd();
          df += f.n() - 1;
        }
      }
    }
    return df == 0 ? 0 : Math.sqrt(squares / df);
  }

  private static List<MeasureSection> sections(
      CohortReport report,
      TenantObservations observations,
      String instrument,
      CohortInfo cohort,
      AlertVocabulary words,
      String level,
      int minimum,
      String hiddenNote,
      TrendChart.Reference norm) {
    CohortKey key = cohort.key();
    List<String> measures = new ArrayList<>();
    for (Summary s : report.summaries()) {
      if (s.cohort().equals(key) && !measures.contains(s.measure())) {
        measures.add(s.measure());
      }
    }
    List<MeasureSection> sections = new ArrayList<>();
    for (String measure : measures) {
      String name = words.measure(instrument, measure);
      List<TrendChart.Point> points = new ArrayList<>();
      List<WaveRow> rows = new ArrayList<>();
      for (Summary s : report.summaries()) {
        if (!s.cohort().equals(key) || !s.measure().equals(measure)) {
          continue;
        }
        String wave = AlertVocabulary.stage(observations.programme(), s.wave().value());
        if (s.suppressed()) {
          rows.add(
              new WaveRow(wave, s.wave().value(), true, hiddenNote, null, null, null, null, null));
          points.add(TrendChart.Point.hidden(wave, "hidden"));
          continue;
        }
        Summary.Figures f = s.figures();
        String ci = FigureFormat.interval(f.ci().lower(), f.ci().upper());
        rows.add(
            new WaveRow(
                wave,
                s.wave().value(),
                false,
                null,
                f.n(),
                FigureFormat.score(f.mean()),
                FigureFormat.score(f.sd()),
                ci,
                FigureFormat.rate(f.responseRate())));
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
                    + ci
                    + ", n = "
                    + f.n()
                    + ", response rate "
                    + FigureFormat.rate(f.responseRate())));
      }
      String id = "trend-" + measure.replaceAll("[^a-z0-9-]", "-");
      String title = cohort.label() + ": " + name + " across waves";
      String desc =
          "Mean "
              + name.toLowerCase(Locale.ROOT)
              + " at each wave with its "
              + level
              + " confidence interval as an error bar; the share of the cohort that answered is"
              + " written under each wave. Waves with fewer than "
              + minimum
              + " answers are hidden. The same figures are in the table beside the chart.";
      boolean total = ObservationQuery.TOTAL.equals(measure);
      double sd = pooledSd(report, key, measure);
      TrendChart.Reference reference = total ? norm : null;
      String axisNote =
          sd > 0
              ? "The vertical axis spans at least one standard deviation of "
                  + name.toLowerCase(Locale.ROOT)
                  + " ("
                  + FigureFormat.score(sd)
                  + " points, pooled over the waves shown), so a small change looks small."
                  + (reference == null
                      ? ""
                      : " The dashed line marks the " + reference.label() + ".")
              : null;
      sections.add(
          new MeasureSection(
              id,
              measure,
              name,
              total,
              TrendChart.of(
                  id,
                  title,
                  axisNote == null ? desc : desc + " " + axisNote,
                  name,
                  points,
                  false,
                  sd,
                  reference),
              name + " of " + cohort.label() + " at each wave",
              axisNote,
              rows.stream().anyMatch(r -> !r.hidden()),
              rows));
    }
    return sections;
  }

  private static List<ChangeRow> changes(
      CohortReport report,
      TenantObservations observations,
      CohortKey key,
      String instrument,
      AlertVocabulary words,
      String hiddenNote,
      AlertRule rule) {
    Map<String, MixedModelContrast> contrasts = new HashMap<>();
    for (MixedModelContrast m : report.allStudents()) {
      if (m.cohort().equals(key)) {
        contrasts.put(m.measure() + "|" + m.from() + "|" + m.to(), m);
      }
    }
    List<ChangeRow> changes = new ArrayList<>();
    for (PairedComparison pc : report.paired()) {
      if (!pc.cohort().equals(key)) {
        continue;
      }
      String measure = words.measure(instrument, pc.measure());
      String kind =
          pc.previousWave()
              ? (pc.fromBaseline() ? "Previous wave (also the first)" : "Previous wave")
              : "First wave";
      String from = AlertVocabulary.stage(observations.programme(), pc.from().value());
      String to = AlertVocabulary.stage(observations.programme(), pc.to().value());
      if (pc.suppressed()) {
        changes.add(
            new ChangeRow(
                pc.measure(),
                pc.from().value(),
                pc.to().value(),
                pc.previousWave(),
                measure,
                kind,
                from,
                to,
                true,
                hiddenNote,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                null));
        continue;
      }
      PairedComparison.Figures f = pc.figures();
      MixedModelContrast m = contrasts.get(pc.measure() + "|" + pc.from() + "|" + pc.to());
      String allStudents =
          m != null && !m.suppressed()
              ? FigureFormat.score(m.figures().estimate())
                  + " ("
                  + FigureFormat.interval(m.figures().ci().lower(), m.figures().ci().upper())
                  + "), "
                  + m.figures().students()
                  + " students"
              : "hidden";
      boolean decline = f.ci().upper() < 0;
      double effect =
          rule != null && rule.pairedEffectSize() == EffectSizeMeasure.D_Z ? f.dz() : f.dav();
      boolean meetsRule =
          rule != null
              && decline
              && effect <= rule.effectSizeThreshold()
              && f.pairs() >= rule.minimumN()
              && rule.watches(pc.measure())
              && ((pc.previousWave() && rule.enabled(ComparisonKind.PREVIOUS_WAVE))
                  || (pc.fromBaseline() && rule.enabled(ComparisonKind.BASELINE)));
      changes.add(
          new ChangeRow(
              pc.measure(),
              pc.from().value(),
              pc.to().value(),
              pc.previousWave(),
              measure,
              kind,
              from,
              to,
              false,
              null,
              f.pairs(),
              FigureFormat.score(f.fromMean()),
              FigureFormat.score(f.toMean()),
              FigureFormat.score(f.meanChange()),
              FigureFormat.interval(f.ci().lower(), f.ci().upper()),
              FigureFormat.effect(f.dav()),
              FigureFormat.p(f.p()),
              decline,
              meetsRule,
              allStudents,
              f.dav()));
    }
    return changes;
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
