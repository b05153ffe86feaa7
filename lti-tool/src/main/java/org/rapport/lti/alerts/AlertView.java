package org.rapport.lti.alerts;

import java.util.List;

/**
 * An alert as the API shows it: the stored figures with names people read.
 *
 * @param subscale the name of the measure that fell ("Total score" or the subscale's name)
 * @param modules recommended modules, id and title
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
    String resolutionNote) {

  /** A recommended module. */
  public record ModuleView(String id, String title) {}

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
        a.recommendedModules().stream().map(m -> new ModuleView(m, words.moduleTitle(m))).toList(),
        a.raisedAt() == null ? null : a.raisedAt().toString(),
        a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString(),
        a.acknowledgedBy(),
        a.resolvedAt() == null ? null : a.resolvedAt().toString(),
        a.resolvedBy(),
        a.resolutionNote());
  }
}
