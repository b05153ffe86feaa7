package org.rapport.lti.alerts;

import java.util.List;
import org.rapport.curriculum.cohorts.Programme;

/**
 * A list of grouped alerts on a faculty page (template {@code faculty-alert-list}): either the
 * alerts to act on or the historical findings. Groups that need attention come first, then by
 * cohort (most recent first), latest wave first.
 */
public record AlertSection(List<AlertGroup> groups, boolean any, int count) {

  /** The alerts that are not historical findings, grouped. */
  public static AlertSection current(
      List<StoredAlert> alerts,
      AlertVocabulary words,
      Programme programme,
      String token,
      String back) {
    return section(
        alerts.stream().filter(a -> !a.historical()).toList(), words, programme, token, back);
  }

  /** The historical findings, grouped. */
  public static AlertSection history(
      List<StoredAlert> alerts,
      AlertVocabulary words,
      Programme programme,
      String token,
      String back) {
    return section(
        alerts.stream().filter(StoredAlert::historical).toList(), words, programme, token, back);
  }

  private static AlertSection section(
      List<StoredAlert> alerts,
      AlertVocabulary words,
      Programme programme,
      String token,
      String back) {
    List<StoredAlert> ordered = new java.util.ArrayList<>(alerts);
    if (programme != null) {
      // Those needing attention first; then the most recent cohort, its latest wave first, and
      // the change from the previous wave before that from the first wave.
      ordered.sort(
          java.util.Comparator.comparing((StoredAlert a) -> !a.needsAttention())
              .thenComparing(StoredAlert::matriculationYear, java.util.Comparator.reverseOrder())
              .thenComparing(StoredAlert::cohortId)
              .thenComparing(
                  a -> programme.stage(a.toStage()).order(), java.util.Comparator.reverseOrder())
              .thenComparing(a -> a.comparison().ordinal()));
    }
    List<AlertGroup> groups = AlertGroup.of(AlertCard.of(ordered, words, programme, token, back));
    return new AlertSection(groups, !groups.isEmpty(), alerts.size());
  }
}
