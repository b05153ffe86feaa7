package org.rapport.lti.cohorts;

import java.util.List;

/**
 * One tenant's self-assessment for administrators (template {@code admin-tenant-assessments}): its
 * schedule template, its cohorts with their waves, and the problems or notice of the last form.
 *
 * @param notice what the last form did; {@code null} when nothing was done
 * @param anchor the matriculation day as {@code MM-DD}
 * @param unschedulable installed instruments that cannot be scheduled, and why
 */
public record TenantAssessmentsPage(
    long registrationId,
    String tenant,
    List<String> problems,
    boolean hasProblems,
    String notice,
    boolean custom,
    String anchor,
    List<AssessmentsOverviewPage.InstrumentRow> unschedulable,
    List<StageRow> stages,
    List<CohortRow> cohorts,
    boolean noCohorts) {

  /**
   * A training stage in the schedule form, or an empty row for a new one.
   *
   * @param key the form fields' prefix
   * @param name what the row is called on the page
   */
  public record StageRow(
      String key,
      String code,
      String label,
      String name,
      List<PhaseOption> phases,
      boolean included,
      int offset,
      int window,
      List<InstrumentOption> options) {}

  /** A phase of training to choose for after a stage's wave. */
  public record PhaseOption(String value, String label, boolean selected) {}

  /** An instrument to choose; {@code value} is {@code id:version}. */
  public record InstrumentOption(String value, String label, boolean selected) {}

  /** A cohort with its waves. */
  public record CohortRow(String label, int year, long students, List<WaveRow> waves) {}

  /**
   * A wave's row in the table of waves: its status, its window and instrument as stored or as typed
   * before a refused save, and its response counts; dates empty when it has no window.
   */
  public record WaveRow(
      long id,
      String stage,
      String opens,
      String closes,
      boolean open,
      long submitted,
      long imported,
      long drafts,
      List<InstrumentOption> options,
      String instrument,
      WaveStatus status,
      Problems problems) {
    public String statusLabel() {
      return status.label();
    }
  }

  /**
   * Why the last save refused a wave, per field of its row (null where nothing is wrong).
   *
   * @param wave a problem about the wave as a whole
   */
  public record Problems(String opens, String closes, String instrument, String wave) {
    public static final Problems NONE = new Problems(null, null, null, null);
  }
}
