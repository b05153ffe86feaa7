package org.rapport.lti.imports;

import java.util.List;

/** An import job as the admin API shows it; {@code problems} holds at most the first 1000. */
public record ImportJobView(
    long id,
    long registrationId,
    String fileName,
    String state,
    String stateLabel,
    boolean finished,
    long rowsTotal,
    long rowsProcessed,
    int rowsImported,
    int rowsUnchanged,
    int problemCount,
    String message,
    String requestedBy,
    String createdAt,
    String finishedAt,
    List<ProblemView> problems) {

  /** One problem: row (header = 1), column and what is wrong. */
  public record ProblemView(long row, String column, String message) {}
}
