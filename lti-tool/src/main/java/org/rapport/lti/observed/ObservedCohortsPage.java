package org.rapport.lti.observed;

import java.util.List;
import org.rapport.lti.alerts.AlertSection;
import org.rapport.lti.web.Nav;

/**
 * The faculty page of observed-practice figures (template {@code faculty-observed-cohorts}).
 *
 * @param n the smallest group of students a figure may describe
 * @param cohorts the tenant's cohorts with observed ratings, most recent first
 * @param stages the chosen cohort's stages with observed ratings, in training order
 * @param changes the chosen cohort's changes from one stage to the next (all raters)
 * @param widenings gaps of the chosen cohort that widened from one stage to the next
 * @param alerts the chosen cohort's stored observed alerts
 */
record ObservedCohortsPage(
    String s,
    Nav nav,
    String done,
    int n,
    String level,
    List<String> ruleSentences,
    List<CohortLink> cohorts,
    Long cohortId,
    String cohortLabel,
    List<Stage> stages,
    List<Change> changes,
    List<Widening> widenings,
    AlertSection alerts) {

  boolean hasCohorts() {
    return !cohorts.isEmpty();
  }

  boolean hasStages() {
    return !stages.isEmpty();
  }

  boolean hasChanges() {
    return !changes.isEmpty();
  }

  boolean hasWidenings() {
    return !widenings.isEmpty();
  }

  boolean hasAlerts() {
    return alerts.any();
  }

  /** A cohort in the page's cohort list. */
  record CohortLink(long id, String label, boolean current) {}

  /**
   * One training stage of the chosen cohort.
   *
   * @param students students with an observed rating at the stage, or "Hidden"
   * @param rows observed figures per domain and rater group
   * @param gaps self-versus-observed gap per domain; empty when none can be computed
   * @param gapNote why there is no gap, when there is none
   */
  record Stage(
      String code,
      String label,
      String students,
      boolean studentsHidden,
      List<Row> rows,
      List<Gap> gaps,
      String gapNote,
      Agreement agreement) {
    boolean hasGaps() {
      return !gaps.isEmpty();
    }
  }

  /**
   * One cell of the observed figures; a hidden one says why in {@code hidden}.
   *
   * @param first the first row of its domain (the domain's name is shown there)
   */
  record Row(
      String measure,
      String measureLabel,
      String group,
      String groupLabel,
      boolean overall,
      String hidden,
      String students,
      String mean,
      String sd,
      String ci) {}

  /** A domain's gap at one stage; {@code reading} says in words which way it points. */
  record Gap(
      String measure,
      String measureLabel,
      String self,
      String observed,
      String gap,
      String ci,
      String reading) {}

  /**
   * Rater agreement at one stage.
   *
   * @param note why there are no figures, or null
   */
  record Agreement(
      int encounters, String note, String icc, String iccCi, String meanDifference, String within) {
    boolean shown() {
      return note == null;
    }
  }

  /** The change of a domain from one stage to the next, matched students, all raters. */
  record Change(
      String measure,
      String measureLabel,
      String from,
      String to,
      String hidden,
      String students,
      String fromMean,
      String toMean,
      String change,
      String ci,
      String effect) {}

  /** A gap that widened. */
  record Widening(
      String measure,
      String measureLabel,
      String from,
      String to,
      String earlierGap,
      String laterGap,
      String change,
      String ci,
      List<String> modules) {}
}
