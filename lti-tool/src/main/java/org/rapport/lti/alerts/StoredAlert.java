package org.rapport.lti.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import org.rapport.curriculum.alerts.ComparisonKind;

/**
 * An alert as stored: the finding's key, every figure behind it, the recommended modules and its
 * state. Figures are aggregates of at least the minimum group size; no student appears in them.
 *
 * @param reference the earlier wave's matched students, or the earlier cohorts pooled
 * @param current the later wave's matched students, or this cohort
 * @param allStudents the same change from the mixed model on every student; {@code null} when not
 *     available
 * @param recommendedModules module ids, in display order
 * @param historical filed as a historical finding (a graduated cohort or an old wave): shown, never
 *     mailed, never counted as open
 */
public record StoredAlert(
    long id,
    long registrationId,
    long cohortId,
    String cohortLabel,
    int matriculationYear,
    String instrumentId,
    String fromStage,
    String toStage,
    String measure,
    ComparisonKind comparison,
    AlertState state,
    Group reference,
    Group current,
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
    AllStudents allStudents,
    List<String> recommendedModules,
    OffsetDateTime raisedAt,
    OffsetDateTime evaluatedAt,
    OffsetDateTime acknowledgedAt,
    String acknowledgedBy,
    OffsetDateTime resolvedAt,
    String resolvedBy,
    String resolutionNote,
    boolean historical) {

  /** Whether faculty should act on it: open and not a historical finding. */
  public boolean needsAttention() {
    return state == AlertState.OPEN && !historical;
  }

  /** One side of the comparison. */
  public record Group(int n, double mean, double sd, Double responseRate) {}

  /** The mixed-model estimate of the same change over every student. */
  public record AllStudents(
      int students, double estimate, double ciLower, double ciUpper, double p) {}
}
