package org.rapport.lti.observed.student;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * The student's observed practice (template {@code observed}): the released ratings of their
 * encounters, their observed ratings over time beside their self-assessment, the gap per layer of
 * empathy and modules for the weakest layer. Raters appear by kind only, never by name.
 *
 * @param chart the trend as a line chart; {@code null} without any point
 * @param gap self minus observed per layer; {@code null} when one of the two is missing
 * @param gapMissing why there is no gap yet; {@code null} when there is one
 * @param weakest the layer rated lowest and its modules; {@code null} without scored ratings
 */
public record ObservedPracticePage(
    Nav nav,
    String s,
    List<EncounterView> encounters,
    List<FormScale> scales,
    List<TrendRow> trend,
    ObservedTrendChart chart,
    GapView gap,
    String gapMissing,
    WeakestView weakest,
    String assessmentHref,
    String ratingsHref) {

  public boolean empty() {
    return encounters.isEmpty();
  }

  public boolean hasScales() {
    return !scales.isEmpty();
  }

  public boolean hasTrend() {
    return !trend.isEmpty();
  }

  /**
   * One encounter whose ratings are released.
   *
   * @param heading the setting and station, e.g. "OSCE station: Breaking bad news"
   * @param context the session's title and date
   */
  public record EncounterView(
      String heading, String context, String stage, List<RatingView> ratings) {
    public boolean noRatings() {
      return ratings.isEmpty();
    }
  }

  /**
   * One rating: the kind of rater (never who), the form's total and its parts, the comment.
   *
   * @param total e.g. "38 of 50"; "not scored" when too much could not be judged
   */
  public record RatingView(
      String rater, String form, String total, List<DomainScore> domains, String comment) {
    public boolean hasDomains() {
      return !domains.isEmpty();
    }
  }

  /** One part of a rating, in the form's words. */
  public record DomainScore(String label, String value) {}

  /** A rating form's answer scale in words. */
  public record FormScale(String form, String words) {}

  /**
   * One point in time: a session's observed ratings or one self-assessment, in percent of scale.
   */
  public record TrendRow(
      String date, String stage, String source, String percent, boolean observed) {}

  /**
   * Self minus observed per layer.
   *
   * @param totalsOnly the self-assessment has other parts than the forms, so totals are compared
   * @param basis which self-assessment and which ratings are compared, in words
   */
  public record GapView(List<GapRow> rows, boolean totalsOnly, String basis) {}

  /**
   * One layer: the student's self score and observed score in percent of scale, the gap (self minus
   * observed, signed) and what it means in words.
   */
  public record GapRow(
      String id, String domain, String self, String observed, String gap, String words) {}

  /** The layer rated lowest by others and the modules that address it. */
  public record WeakestView(String domain, String observed, List<ModuleLink> modules) {
    public boolean hasModules() {
      return !modules.isEmpty();
    }
  }

  /** A module to open. */
  public record ModuleLink(String title, String href) {}
}
