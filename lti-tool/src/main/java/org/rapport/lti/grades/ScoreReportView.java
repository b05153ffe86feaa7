package org.rapport.lti.grades;

import java.util.List;

/** A registration's scores: counts, and the latest queued, delivered and dead-lettered ones. */
public record ScoreReportView(
    ScoreCountsView counts,
    List<ScoreView> queued,
    List<ScoreView> delivered,
    List<ScoreView> deadLettered) {}
