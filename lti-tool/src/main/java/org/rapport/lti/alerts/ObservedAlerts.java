package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.DeclineFinding;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.curriculum.observed.GapRule;
import org.rapport.curriculum.observed.ObservedAlertRules;
import org.rapport.curriculum.observed.ObservedEvaluation;
import org.rapport.curriculum.observed.ObservedScore;
import org.rapport.lti.analytics.ObservedScores;

/**
 * Alerts on observed ratings, raised by the tenant's evaluation beside the self-assessment's: a
 * cohort whose observed ratings (every rater group together, percent of scale) fell from one
 * training stage to the next under the observed rule ({@link ObservedAlertRules}) gets an alert in
 * {@code cohort_alert} under the instrument id {@value #INSTRUMENT}, deduplicated, mailed and
 * answered like any other, with up to three modules for the domain that fell.
 *
 * <p>The figures use the tenant's confidence level and minimum group size; the effect-size
 * threshold, the minimum number of students and the widening of a gap are Rapport's observed
 * defaults unless configured ({@link ObservedAlertConfig}).
 */
public final class ObservedAlerts {

  /** The instrument id observed-rating alerts are stored under. */
  public static final String INSTRUMENT = "observed-ratings";

  /** The form whose domain names label the observed measures. */
  public static final String LABEL_FORM = "rapport-observed-observer";

  private ObservedAlerts() {}

  /**
   * The configured observed defaults.
   *
   * @param enabled whether the evaluation raises observed alerts at all
   * @param effectSizeThreshold negative; d_av at or below it
   * @param minimumN fewest matched students (decline) or students on each side (gap)
   * @param gapWideningPoints percentage points of the scale
   * @param minimumDoubleRated fewest double-rated encounters before agreement is judged
   */
  public record Settings(
      boolean enabled,
      double effectSizeThreshold,
      int minimumN,
      double gapWideningPoints,
      int minimumDoubleRated) {

    public static Settings defaults() {
      return new Settings(
          true,
          ObservedAlertRules.DECLINE_EFFECT_SIZE_THRESHOLD,
          ObservedAlertRules.declineDefaults().minimumN(),
          GapRule.DEFAULT_WIDENING_POINTS,
          org.rapport.curriculum.observed.RaterAgreement.DEFAULT_MINIMUM_ENCOUNTERS);
    }
  }

  /** The two observed rules for a tenant whose self-assessment rule is {@code tenant}. */
  public record Rules(AlertRule decline, GapRule gap) {}

  public static Rules rules(Settings settings, AlertRule tenant) {
    int n = tenant.minimumGroupSize();
    AlertRule decline =
        ObservedAlertRules.declineDefaults()
            .withMinimumGroupSize(n)
            .withConfidenceLevel(tenant.confidenceLevel())
            .withEffectSizeThreshold(settings.effectSizeThreshold())
            .withMinimumN(Math.max(n, settings.minimumN()));
    GapRule gap =
        GapRule.defaults()
            .withMinimumGroupSize(n)
            .withConfidenceLevel(tenant.confidenceLevel())
            .withWideningPoints(settings.gapWideningPoints())
            .withMinimumN(Math.max(n, settings.minimumN()));
    return new Rules(decline, gap);
  }

  /** "total", then the domains in the order of the observed form, then any others. */
  public static List<String> measures(InstrumentCatalog catalog, List<ObservedScore> scores) {
    List<String> measures = new ArrayList<>();
    measures.add("total");
    Optional<Instrument> form = latest(catalog, LABEL_FORM);
    form.ifPresent(
        f -> {
          for (Subscale s : f.subscales()) {
            measures.add(s.id().toString());
          }
        });
    java.util.TreeSet<String> others = new java.util.TreeSet<>();
    for (ObservedScore s : scores) {
      others.addAll(s.percents().keySet());
    }
    others.removeAll(measures);
    measures.addAll(others);
    return measures;
  }

  private static Optional<Instrument> latest(InstrumentCatalog catalog, String id) {
    try {
      return catalog.latest(InstrumentId.of(id));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Everything the observed figures and rules give for the tenant. */
  public static ObservedEvaluation evaluate(
      Connection c,
      long registrationId,
      InstrumentCatalog catalog,
      Programme programme,
      Rules rules)
      throws SQLException {
    List<ObservedScore> scores =
        ObservedScores.load(c, registrationId, catalog, programme).stream()
            .map(ObservedScores.Rating::score)
            .toList();
    return ObservedEvaluation.evaluate(
        scores,
        measures(catalog, scores),
        ObservedScores.publishedSelf(c, registrationId, catalog),
        rules.decline(),
        rules.gap());
  }

  /**
   * Stores the observed declines as alerts: a new key is inserted (historical when the cohort has
   * graduated), an open alert with a known key gets fresh figures.
   *
   * @param raised receives the ids of the new alerts that are not history, to be mailed
   * @return the number of findings
   */
  static int raise(
      Connection c,
      long registrationId,
      Instant now,
      Settings settings,
      AlertRule tenantRule,
      AlertVocabulary words,
      Programme programme,
      Map<Long, TrainingStage> reached,
      AlertHistory history,
      Map<AlertRepository.Key, long[]> existing,
      List<Long> raised)
      throws SQLException {
    if (!settings.enabled()) {
      return 0;
    }
    ObservedEvaluation evaluation =
        evaluate(c, registrationId, words.instruments(), programme, rules(settings, tenantRule));
    int findings = 0;
    for (DeclineFinding finding : evaluation.declines()) {
      long cohortId;
      try {
        cohortId = Long.parseLong(finding.key().cohort().value());
      } catch (NumberFormatException e) {
        continue;
      }
      findings++;
      AlertRepository.Key key =
          new AlertRepository.Key(
              cohortId,
              INSTRUMENT,
              finding.key().from().value(),
              finding.key().to().value(),
              finding.measure(),
              ComparisonKind.PREVIOUS_WAVE);
      long[] known = existing.get(key);
      if (known == null) {
        boolean historical = history.historical(cohortId, key.toStage());
        TrainingStage fell = programme.stage(key.toStage());
        TrainingStage latest = reached.getOrDefault(cohortId, fell);
        long id =
            AlertRepository.insert(
                c,
                registrationId,
                key,
                finding,
                words.recommended(
                    finding.measure(), (latest.compareTo(fell) >= 0 ? latest : fell).phaseAfter()),
                historical,
                now);
        existing.put(key, new long[] {id, AlertState.OPEN.ordinal()});
        if (!historical) {
          raised.add(id);
        }
      } else if (known[1] == AlertState.OPEN.ordinal()) {
        AlertRepository.refresh(c, known[0], finding, now);
      }
    }
    return findings;
  }
}
