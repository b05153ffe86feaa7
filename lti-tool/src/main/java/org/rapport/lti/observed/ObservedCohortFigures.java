package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.PairedComparison;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.curriculum.observed.GapStatistics;
import org.rapport.curriculum.observed.GapWidening;
import org.rapport.curriculum.observed.ObservedEvaluation;
import org.rapport.curriculum.observed.ObservedReport;
import org.rapport.curriculum.observed.ObservedScore;
import org.rapport.curriculum.observed.RaterAgreement;
import org.rapport.curriculum.observed.SelfFigures;
import org.rapport.curriculum.observed.StageGap;
import org.rapport.lti.alerts.AlertEvaluation;
import org.rapport.lti.alerts.AlertRepository;
import org.rapport.lti.alerts.AlertRules;
import org.rapport.lti.alerts.AlertSection;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.alerts.FacultyAlertsPage;
import org.rapport.lti.alerts.FigureFormat;
import org.rapport.lti.alerts.ObservedAlertConfig;
import org.rapport.lti.alerts.ObservedAlerts;
import org.rapport.lti.alerts.StoredAlert;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.ObservedScores;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.cohorts.StoredProgramme;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.persistence.Database;
import org.rapport.lti.web.Nav;

/**
 * What faculty see of observed practice in aggregate: per cohort of their institution and training
 * stage, the observed ratings (students, mean, SD and interval in percent of scale; all raters and
 * per kind of rater), the changes from one stage to the next, the gap to the cohort's published
 * self-assessment per domain, rater agreement, and the observed alerts. Every figure counts
 * students and passes the small-cell rule with complementary suppression; the self side is only
 * ever a published aggregate. Only the launched user's tenant is read, in one read-only
 * transaction.
 */
@ApplicationScoped
@Transactional
public class ObservedCohortFigures {
  static final String BACK = "observed";

  /** The group name of the rows over every kind of rater. */
  static final String ALL_RATERS = "all";

  @Inject Database database;
  @Inject PrivacySettings privacy;
  @Inject Instruments instruments;
  @Inject AlertEvaluation evaluation;
  @Inject ObservedAlertConfig config;

  public ObservedCohortsPage page(LaunchedUser user, String token, Long cohortId, String done) {
    return database.run(c -> build(c, user.registrationId(), token, cohortId, done));
  }

  private ObservedCohortsPage build(
      Connection c, long registrationId, String token, Long cohortId, String done)
      throws SQLException {
    AlertVocabulary words = evaluation.vocabulary();
    InstrumentCatalog catalog = instruments.catalog();
    AlertRule tenantRule =
        AlertRules.load(c, registrationId).effectiveRule(privacy.minimumGroupSize());
    ObservedAlerts.Settings settings = config.settings();
    ObservedAlerts.Rules rules = ObservedAlerts.rules(settings, tenantRule);
    int n = tenantRule.minimumGroupSize();
    double level = tenantRule.confidenceLevel();
    Programme programme = StoredProgramme.load(c, registrationId);
    List<ObservedScores.Rating> ratings =
        ObservedScores.load(c, registrationId, catalog, programme);
    List<ObservedScore> scores = ratings.stream().map(ObservedScores.Rating::score).toList();
    List<SelfFigures> self = ObservedScores.publishedSelf(c, registrationId, catalog);
    ObservedEvaluation ev =
        ObservedEvaluation.evaluate(
            scores, ObservedAlerts.measures(catalog, scores), self, rules.decline(), rules.gap());

    Map<Long, CohortKey> withRatings = ObservedScores.cohorts(ratings);
    List<Named> cohorts = new ArrayList<>();
    for (Named named : cohorts(c, registrationId)) {
      if (withRatings.containsKey(named.id)) {
        cohorts.add(named);
      }
    }
    Named focus =
        cohorts.stream()
            .filter(x -> cohortId != null && x.id == cohortId)
            .findFirst()
            .orElse(cohorts.isEmpty() ? null : cohorts.get(0));
    List<ObservedCohortsPage.CohortLink> links =
        cohorts.stream()
            .map(x -> new ObservedCohortsPage.CohortLink(x.id, x.label, x == focus))
            .toList();
    List<ObservedCohortsPage.Stage> stages = new ArrayList<>();
    List<ObservedCohortsPage.Change> changes = new ArrayList<>();
    List<ObservedCohortsPage.Widening> widenings = new ArrayList<>();
    List<StoredAlert> alerts = List.of();
    if (focus != null) {
      CohortKey key = CohortInfo.key(focus.id);
      stages = stages(ev, key, focus.id, ratings, self, programme, words, settings, n, level);
      changes = changes(ev, key, programme, words, n);
      for (GapWidening w : ev.widenings()) {
        if (w.cohort().equals(key)) {
          widenings.add(widening(w, programme, words));
        }
      }
      alerts =
          AlertRepository.list(c, registrationId, focus.id).stream()
              .filter(a -> ObservedAlerts.INSTRUMENT.equals(a.instrumentId()))
              .toList();
    }
    return new ObservedCohortsPage(
        token,
        Nav.faculty(token, Nav.FacultyPage.OBSERVED_FIGURES),
        FacultyAlertsPage.doneMessage(done),
        n,
        FigureFormat.level(level),
        ruleSentences(rules, level),
        links,
        focus == null ? null : focus.id,
        focus == null ? null : focus.label,
        stages,
        changes,
        widenings,
        AlertSection.current(alerts, words, programme, token, BACK));
  }

  private static List<String> ruleSentences(ObservedAlerts.Rules rules, double level) {
    String lvl = FigureFormat.level(level);
    return List.of(
        "An observed decline: from one stage to the next, at least "
            + rules.decline().minimumN()
            + " students were rated at both, the "
            + lvl
            + " confidence interval for their mean change lies below zero, and the effect size"
            + " (mean change divided by the average SD of the two stages) is "
            + FigureFormat.effect(rules.decline().effectSizeThreshold())
            + " or below.",
        "A widening gap: at two consecutive stages, with at least "
            + rules.gap().minimumN()
            + " students on each side of each gap, the gap lies at least "
            + FigureFormat.score(rules.gap().wideningPoints())
            + " points of the scale further from zero at the later stage, and the "
            + lvl
            + " interval for its change lies on that side of zero.");
  }

  private List<ObservedCohortsPage.Stage> stages(
      ObservedEvaluation ev,
      CohortKey key,
      long cohortId,
      List<ObservedScores.Rating> ratings,
      List<SelfFigures> self,
      Programme programme,
      AlertVocabulary words,
      ObservedAlerts.Settings settings,
      int n,
      double level) {
    ObservedReport report = ev.report();
    Map<String, List<ObservedReport.GroupSummary>> groups = new HashMap<>();
    for (ObservedReport.GroupSummary g : report.byRaterGroup()) {
      Summary s = g.summary();
      if (s.cohort().equals(key)) {
        groups.computeIfAbsent(s.wave().value() + "|" + s.measure(), k -> new ArrayList<>()).add(g);
      }
    }
    Map<String, List<ObservedCohortsPage.Row>> rows = new LinkedHashMap<>();
    Map<String, String> students = new HashMap<>();
    for (Summary s : report.overall().summaries()) {
      if (!s.cohort().equals(key)) {
        continue;
      }
      String stage = s.wave().value();
      List<ObservedCohortsPage.Row> stageRows = rows.computeIfAbsent(stage, k -> new ArrayList<>());
      String label = words.measure(ObservedAlerts.INSTRUMENT, s.measure());
      stageRows.add(row(s, false, ALL_RATERS, "All raters", true, label, n));
      for (ObservedReport.GroupSummary g :
          groups.getOrDefault(stage + "|" + s.measure(), List.of())) {
        stageRows.add(
            row(
                g.summary(),
                g.complementary(),
                g.raterGroup(),
                groupLabel(g.raterGroup()),
                false,
                label,
                n));
      }
      if ("total".equals(s.measure())) {
        students.put(stage, s.suppressed() ? null : Integer.toString(s.figures().n()));
      }
    }
    List<ObservedCohortsPage.Stage> out = new ArrayList<>();
    for (Map.Entry<String, List<ObservedCohortsPage.Row>> e : rows.entrySet()) {
      String stage = e.getKey();
      List<ObservedCohortsPage.Gap> gaps = new ArrayList<>();
      for (StageGap g : ev.gaps()) {
        if (g.cohort().equals(key) && g.stage().value().equals(stage)) {
          gaps.add(gap(g, words));
        }
      }
      boolean published =
          self.stream().anyMatch(x -> x.cohort().equals(key) && x.stage().value().equals(stage));
      String gapNote =
          !gaps.isEmpty()
              ? null
              : published
                  ? "The gap is not shown: the observed figures of this stage are hidden."
                  : "The gap is not shown: the cohort's self-assessment at this stage has no"
                      + " published figures (yet).";
      String shownStudents = students.get(stage);
      out.add(
          new ObservedCohortsPage.Stage(
              stage,
              AlertVocabulary.stage(programme, stage),
              shownStudents == null ? "Hidden (fewer than " + n + ")" : shownStudents,
              shownStudents == null,
              e.getValue(),
              gaps,
              gapNote,
              agreement(ratings, cohortId, stage, settings, n, level)));
    }
    return out;
  }

  private static ObservedCohortsPage.Row row(
      Summary s,
      boolean complementary,
      String group,
      String groupLabel,
      boolean overall,
      String measureLabel,
      int n) {
    if (s.suppressed()) {
      return new ObservedCohortsPage.Row(
          s.measure(),
          measureLabel,
          group,
          groupLabel,
          overall,
          complementary
              ? "Hidden so that a smaller group cannot be worked out from it"
              : "Hidden: fewer than " + n + " students",
          null,
          null,
          null,
          null);
    }
    Summary.Figures f = s.figures();
    return new ObservedCohortsPage.Row(
        s.measure(),
        measureLabel,
        group,
        groupLabel,
        overall,
        null,
        Integer.toString(f.n()),
        FigureFormat.score(f.mean()),
        Double.isNaN(f.sd()) ? "–" : FigureFormat.score(f.sd()),
        Double.isNaN(f.ci().lower()) ? "–" : FigureFormat.interval(f.ci().lower(), f.ci().upper()));
  }

  static String groupLabel(String group) {
    try {
      return RaterType.valueOf(group).label();
    } catch (IllegalArgumentException e) {
      return group;
    }
  }

  private static ObservedCohortsPage.Gap gap(StageGap g, AlertVocabulary words) {
    GapStatistics.Gap gap = g.gap();
    String reading =
        !gap.clear()
            ? "No clear difference"
            : gap.gap() > 0
                ? "Rated themselves higher than they were experienced"
                : "Rated themselves lower than they were experienced";
    return new ObservedCohortsPage.Gap(
        g.measure(),
        words.measure(ObservedAlerts.INSTRUMENT, g.measure()),
        FigureFormat.score(gap.self().mean()) + " (" + gap.self().n() + " students)",
        FigureFormat.score(gap.observed().mean()) + " (" + gap.observed().n() + " students)",
        FigureFormat.score(gap.gap()),
        FigureFormat.interval(gap.ci().lower(), gap.ci().upper()),
        reading);
  }

  private static ObservedCohortsPage.Agreement agreement(
      List<ObservedScores.Rating> ratings,
      long cohortId,
      String stage,
      ObservedAlerts.Settings settings,
      int n,
      double level) {
    Map<Long, List<Double>> encounters = new LinkedHashMap<>();
    Map<Long, String> studentOf = new HashMap<>();
    for (ObservedScores.Rating r : ratings) {
      Double total = r.score().percents().get("total");
      if (r.cohortId() != cohortId || !r.score().stage().value().equals(stage) || total == null) {
        continue;
      }
      encounters.computeIfAbsent(r.encounterId(), k -> new ArrayList<>()).add(total);
      studentOf.put(r.encounterId(), r.score().student().value());
    }
    Set<String> students = new HashSet<>();
    int doubleRated = 0;
    for (Map.Entry<Long, List<Double>> e : encounters.entrySet()) {
      if (e.getValue().size() >= 2) {
        doubleRated++;
        students.add(studentOf.get(e.getKey()));
      }
    }
    if (doubleRated == 0) {
      return new ObservedCohortsPage.Agreement(
          0, "No encounter of this stage was rated by two or more raters.", null, null, null, null);
    }
    if (students.size() < n) {
      return new ObservedCohortsPage.Agreement(
          doubleRated,
          "Hidden: the encounters rated by two or more raters are of fewer than "
              + n
              + " students.",
          null,
          null,
          null,
          null);
    }
    RaterAgreement.Agreement a =
        RaterAgreement.of(
            new ArrayList<>(encounters.values()),
            settings.minimumDoubleRated(),
            RaterAgreement.DEFAULT_TOLERANCE_POINTS,
            level);
    if (a.tooFewToJudge()) {
      return new ObservedCohortsPage.Agreement(
          a.encounters(),
          "Too few to judge: "
              + a.encounters()
              + (a.encounters() == 1 ? " encounter was" : " encounters were")
              + " rated by two or more raters; agreement is judged from "
              + a.minimumEncounters()
              + " on.",
          null,
          null,
          null,
          null);
    }
    RaterAgreement.Figures f = a.figures();
    return new ObservedCohortsPage.Agreement(
        a.encounters(),
        null,
        f.icc() == null
            ? "cannot be computed (every rating the same)"
            : FigureFormat.effect(f.icc()),
        f.iccCi() == null
            ? null
            : FigureFormat.effect(f.iccCi().lower())
                + " to "
                + FigureFormat.effect(f.iccCi().upper()),
        FigureFormat.score(f.meanAbsoluteDifference()),
        FigureFormat.rate(f.shareWithinTolerance()));
  }

  private static List<ObservedCohortsPage.Change> changes(
      ObservedEvaluation ev, CohortKey key, Programme programme, AlertVocabulary words, int n) {
    List<ObservedCohortsPage.Change> out = new ArrayList<>();
    for (PairedComparison pc : ev.report().overall().paired()) {
      if (!pc.cohort().equals(key) || !pc.previousWave()) {
        continue;
      }
      String label = words.measure(ObservedAlerts.INSTRUMENT, pc.measure());
      String from = AlertVocabulary.stage(programme, pc.from().value());
      String to = AlertVocabulary.stage(programme, pc.to().value());
      if (pc.suppressed()) {
        out.add(
            new ObservedCohortsPage.Change(
                pc.measure(),
                label,
                from,
                to,
                "Hidden: fewer than "
                    + n
                    + " students rated at both stages, or a smaller group"
                    + " could be worked out",
                null,
                null,
                null,
                null,
                null,
                null));
        continue;
      }
      PairedComparison.Figures f = pc.figures();
      out.add(
          new ObservedCohortsPage.Change(
              pc.measure(),
              label,
              from,
              to,
              null,
              Integer.toString(f.pairs()),
              FigureFormat.score(f.fromMean()),
              FigureFormat.score(f.toMean()),
              FigureFormat.score(f.meanChange()),
              FigureFormat.interval(f.ci().lower(), f.ci().upper()),
              FigureFormat.effect(f.dav())));
    }
    return out;
  }

  private static ObservedCohortsPage.Widening widening(
      GapWidening w, Programme programme, AlertVocabulary words) {
    GapStatistics.GapChange ch = w.change();
    return new ObservedCohortsPage.Widening(
        w.measure(),
        words.measure(ObservedAlerts.INSTRUMENT, w.measure()),
        AlertVocabulary.stage(programme, w.from().value()),
        AlertVocabulary.stage(programme, w.to().value()),
        FigureFormat.score(ch.earlier().gap()),
        FigureFormat.score(ch.later().gap()),
        FigureFormat.score(ch.change()),
        FigureFormat.interval(ch.ci().lower(), ch.ci().upper()),
        words.recommended(w.measure(), programme.stage(w.to().value()).phaseAfter()).stream()
            .map(words::moduleTitle)
            .toList());
  }

  private record Named(long id, String label, int year) {}

  /** The tenant's cohorts, most recent first. */
  private static List<Named> cohorts(Connection c, long registrationId) throws SQLException {
    List<Named> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, label, matriculation_year FROM cohort WHERE registration_id = ?"
                + " ORDER BY matriculation_year DESC, id DESC")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Named(rs.getLong(1), rs.getString(2), rs.getInt(3)));
        }
      }
    }
    return out;
  }
}
