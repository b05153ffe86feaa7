package org.rapport.lti.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.lti.alerts.AlertRuleSummary;
import org.rapport.lti.alerts.AlertSection;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.alerts.FacultyAlertsPage;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.dashboard.DashboardData.Analysis;

/**
 * The cohort dashboard (template {@code faculty-cohorts}): the cohorts to choose from with their
 * open alerts and, for the chosen one, a summary in words, its alerts grouped per wave pair, its
 * published figures, open waves, published versions and historical findings.
 *
 * @param s the launch session token for links and forms
 * @param done the confirmation after an alert form; {@code null} when none
 * @param cohortLabel the chosen cohort; {@code null} when there is none (no cohorts yet)
 * @param summary the chosen cohort in one paragraph of plain words; {@code null} without a cohort
 * @param instrument the chosen instrument; {@code null} when no cohort has results
 * @param figures the chosen cohort's published figures; {@code null} when it has none
 * @param waiting what the page says instead of an empty chart when no figure can be shown; {@code
 *     null} when there are figures to show
 * @param earlierAsOf when the earlier cohorts' figures were computed; {@code null} when just now
 * @param alerts the chosen cohort's alerts that are not historical, grouped
 * @param history the chosen cohort's historical findings, grouped
 */
public record FacultyCohortsPage(
    String s,
    String done,
    List<String> rule,
    int minimumGroupSize,
    List<CohortLink> cohorts,
    boolean hasCohorts,
    Long cohortId,
    String cohortLabel,
    Integer year,
    String summary,
    String instrument,
    String instrumentTitle,
    String formativeCaveat,
    String instrumentParam,
    List<InstrumentLink> instruments,
    boolean manyInstruments,
    CohortFigures figures,
    Waiting waiting,
    String earlierAsOf,
    List<PublishedVersion> published,
    boolean hasPublished,
    List<OpenWaveRow> openWaves,
    boolean hasOpenWaves,
    AlertSection alerts,
    boolean hasAlerts,
    AlertSection history) {

  private static final DateTimeFormatter AS_OF =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /**
   * A cohort in the navigation.
   *
   * @param openAlerts alerts that need attention (open, not historical)
   * @param alertsLabel e.g. "2 open alerts"; {@code null} when none
   */
  public record CohortLink(
      long id, String label, int year, boolean current, int openAlerts, String alertsLabel) {}

  /** An instrument to switch to; {@code id} is URL-encoded. */
  public record InstrumentLink(String id, String title, boolean current) {}

  /** A published version of a wave's figures. */
  public record PublishedVersion(String wave, int version, String on, String note) {}

  /** A wave open today and how many have answered, in words that respect the group size. */
  public record OpenWaveRow(String wave, String closes, String answered) {}

  /**
   * Why there is nothing to chart yet and what will change that, in sentences; never a count the
   * small-cell rule hides.
   */
  public record Waiting(List<String> lines) {}

  static FacultyCohortsPage of(
      Dashboards.Dashboard dashboard, AlertVocabulary words, String token, String done) {
    Analysis a = dashboard.analysis();
    CohortInfo focus = a.focus();
    int minimum = a.rule().minimumGroupSize();
    List<CohortLink> cohorts =
        a.cohorts().stream()
            .map(
                ci -> {
                  int open = dashboard.openCounts().getOrDefault(ci.id(), 0);
                  return new CohortLink(
                      ci.id(),
                      ci.label(),
                      ci.matriculationYear(),
                      focus != null && focus.id() == ci.id(),
                      open,
                      open == 0 ? null : open == 1 ? "1 open alert" : open + " open alerts");
                })
            .toList();
    String instrument = a.instrument();
    List<InstrumentLink> instruments =
        instrument == null
            ? null
            : a.instruments().stream()
                .map(
                    i ->
                        new InstrumentLink(
                            URLEncoder.encode(i, StandardCharsets.UTF_8),
                            words.instrumentTitle(i),
                            i.equals(instrument)))
                .toList();
    boolean hasData =
        focus != null
            && a.report() != null
            && a.report().summaries().stream().anyMatch(s -> s.cohort().equals(focus.key()));
    CohortFigures figures =
        hasData
            ? CohortFigures.of(
                a.report(),
                a.observations(),
                instrument,
                focus,
                words,
                a.rule(),
                words
                    .totalNorm(instrument)
                    .map(n -> new TrendChart.Reference(n.mean(), n.label()))
                    .orElse(null))
            : null;
    List<PublishedVersion> published =
        focus == null
            ? List.of()
            : a.published().waves().values().stream()
                .filter(p -> p.cohortId() == focus.id())
                .map(
                    p ->
                        new PublishedVersion(
                            AlertVocabulary.stage(a.observations().programme(), p.stage()),
                            p.version(),
                            p.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                            p.note()))
                .toList();
    List<OpenWaveRow> open =
        dashboard.openWaves().stream()
            .map(w -> new OpenWaveRow(w.wave(), day(w.closes()), answered(w.answered(), minimum)))
            .toList();
    int shownMinimum = figures != null ? figures.minimumGroupSize() : minimum;
    AlertSection current =
        focus == null
            ? AlertSection.current(List.of(), words, null, token, "cohort")
            : AlertSection.current(
                dashboard.alerts(), words, a.observations().programme(), token, "cohort");
    AlertSection history =
        focus == null
            ? AlertSection.history(List.of(), words, null, token, "cohort")
            : AlertSection.history(
                dashboard.alerts(), words, a.observations().programme(), token, "cohort");
    return new FacultyCohortsPage(
        token,
        FacultyAlertsPage.doneMessage(done),
        AlertRuleSummary.sentences(a.settings(), a.rule()),
        shownMinimum,
        cohorts,
        !cohorts.isEmpty(),
        focus == null ? null : focus.id(),
        focus == null ? null : focus.label(),
        focus == null ? null : focus.matriculationYear(),
        focus == null
            ? null
            : CohortSummary.of(
                focus.label(),
                dashboard.alerts(),
                figures,
                figures == null ? 0 : figures.subscales().size(),
                a.observations().programme(),
                words),
        instrument,
        instrument == null ? null : words.instrumentTitle(instrument),
        instrument != null && words.formative(instrument) ? AlertVocabulary.FORMATIVE_CAVEAT : null,
        instrument == null ? null : URLEncoder.encode(instrument, StandardCharsets.UTF_8),
        instruments,
        instruments != null && instruments.size() > 1,
        figures,
        focus == null || (figures != null && figures.shown())
            ? null
            : waiting(dashboard.openWaves(), figures, shownMinimum),
        figures != null && a.earlierAsOf() != null ? AS_OF.format(a.earlierAsOf()) : null,
        published,
        !published.isEmpty(),
        open,
        !open.isEmpty(),
        current,
        current.any(),
        history);
  }

  /**
   * How many have answered an open wave: the number from the minimum group size on, below it only
   * that more answers are needed. Saying how many more would give away how many answered.
   */
  static String answered(int answered, int minimum) {
    return answered >= minimum
        ? answered + " students have answered so far"
        : "fewer than " + minimum + " students have answered so far, so more answers are needed";
  }

  /** The empty state: why nothing is charted and what will change that. */
  static Waiting waiting(List<OpenWaves.OpenWave> openWaves, CohortFigures figures, int minimum) {
    List<String> lines = new ArrayList<>();
    if (figures != null) {
      lines.add(
          "Every closed wave of this cohort had fewer than "
              + minimum
              + " answers, so its figures stay hidden to protect students' privacy. If late answers"
              + " bring a wave to "
              + minimum
              + ", its figures appear as a new published version.");
    } else {
      lines.add(
          "No wave of this cohort has closed with results yet. Figures appear once a wave has"
              + " closed with at least "
              + minimum
              + " answers.");
    }
    for (OpenWaves.OpenWave w : openWaves) {
      lines.add(
          w.wave()
              + " is open until "
              + day(w.closes())
              + ". "
              + (w.answered() >= minimum
                  ? w.answered()
                      + " students have answered so far, enough for figures once it closes."
                  : "At least "
                      + minimum
                      + " answers in all are needed before its figures can be shown, and fewer"
                      + " have come in so far: more answers are needed.")
              + " Reminding the class before the wave closes helps.");
    }
    return new Waiting(lines);
  }

  private static String day(LocalDate date) {
    return DAY.format(date);
  }
}
