package org.rapport.lti.alerts;

import java.util.List;

/**
 * An alert as the API shows it: the stored figures with names people read.
 *
 * @param subscale the name of the measure that fell ("Total score" or the subscale's name)
 * @param modules recommended modules (at most three, suited to the cohort's stage): id, title and
 *     whether a facilitator guide exists
 * @param historical filed as a historical finding: not mailed, not counted as open
 */
public record AlertView(
    long id,
    long cohortId,
    String cohort,
    String instrument,
    String fromWave,
    String toWave,
    String measure,
    String subscale,
    String comparison,
    String state,
    StoredAlert.Group reference,
    StoredAlert.Group current,
    double change,
    Double sdOfChange,
    double ciLevel,
    double ciLower,
    double ciUpper,
    double t,
    double df,
    double p,
    double effectSize,
    String effectSizeMeasure,
    StoredAlert.AllStudents allStudents,
    List<ModuleView> modules,
    String raisedAt,
    String acknowledgedAt,
    String acknowledgedBy,
    String resolvedAt,
    String resolvedBy,
    String resolutionNote,
    boolean historical) {

  /** A recommended module and whether faculty have a facilitator guide for it. */
  public record ModuleView(String id, String title, boolean guide) {}

  static AlertView of(StoredAlert a, AlertVocabulary words) {
    return new AlertView(
        a.id(),
        a.cohortId(),
        a.cohortLabel(),
        a.instrumentId(),
        a.fromStage(),
        a.toStage(),
        a.measure(),
        words.measure(a.instrumentId(), a.measure()),
        a.comparison().name(),
        a.state().name(),
        a.reference(),
        a.current(),
        a.change(),
        a.sdOfChange(),
        a.ciLevel(),
        a.ciLower(),
        a.ciUpper(),
        a.t(),
        a.df(),
        a.p(),
        a.effectSize(),
        a.effectSizeMeasure(),
        a.allStudents(),
        a.recommendedModules().stream()
            .map(m -> new ModuleView(m, words.moduleTitle(m), words.hasGuide(m)))
            .toList(),
        a.raisedAt() == null ? null : a.raisedAt().toString(),
        a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString(),
        a.acknowledgedBy(),
        a.resolvedAt() == null ? null : a.resolvedAt().toString(),
        a.resolvedBy(),
        a.resolutionNote(),
        a.historical());
  }
}
