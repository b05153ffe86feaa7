package org.rapport.lti.cohorts;

import java.util.List;

/**
 * The administrators' overview of the self-assessment (template {@code admin-assessments}): the
 * installed instruments and the tenants with their cohorts.
 */
public record AssessmentsOverviewPage(
    List<InstrumentRow> instruments, List<TenantRow> tenants, boolean noTenants) {

  /**
   * An installed instrument.
   *
   * @param reason why it cannot be scheduled; {@code null} when it can
   */
  public record InstrumentRow(
      String id,
      int version,
      String title,
      String kind,
      int items,
      boolean schedulable,
      String reason) {}

  /** A tenant: its number of cohorts and whether it has its own schedule. */
  public record TenantRow(long id, String name, int cohorts, boolean customSchedule) {}
}
