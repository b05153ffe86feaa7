package org.rapport.lti.imports;

/** The page that follows one import: its progress, outcome and the problems found. */
record ImportJobPage(ImportJobView job) {
  /** How far the import has come, 0 to 100. */
  long percent() {
    if (job.rowsTotal() == 0) {
      return job.finished() ? 100 : 0;
    }
    return Math.min(100, job.rowsProcessed() * 100 / job.rowsTotal());
  }

  boolean hasProblems() {
    return !job.problems().isEmpty();
  }

  boolean showCounts() {
    return job.state().equals(ImportState.COMPLETED.name())
        || job.state().equals(ImportState.UNCHANGED.name());
  }

  boolean moreProblems() {
    return job.problemCount() > job.problems().size();
  }
}
