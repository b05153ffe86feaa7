package org.rapport.lti.grades;

import java.util.List;

/** The administrators' page of grades sent to the LMS: one section per registration. */
record ScoresAdminView(List<Section> registrations) {
  boolean empty() {
    return registrations.isEmpty();
  }

  /** One registration's counts and its latest queued, delivered and dead-lettered grades. */
  record Section(
      ScoreCountsView counts,
      List<ScoreView> queued,
      List<ScoreView> delivered,
      List<ScoreView> deadLettered) {
    static Section of(ScoreReportView report) {
      return new Section(
          report.counts(), report.queued(), report.delivered(), report.deadLettered());
    }

    boolean hasDeadLetters() {
      return !deadLettered.isEmpty();
    }
  }
}
