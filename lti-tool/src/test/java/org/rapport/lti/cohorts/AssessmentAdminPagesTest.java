package org.rapport.lti.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.cohorts.AssessmentsOverviewPage.InstrumentRow;
import org.rapport.lti.cohorts.AssessmentsOverviewPage.TenantRow;
import org.rapport.lti.cohorts.TenantAssessmentsPage.CohortRow;
import org.rapport.lti.cohorts.TenantAssessmentsPage.InstrumentOption;
import org.rapport.lti.cohorts.TenantAssessmentsPage.PhaseOption;
import org.rapport.lti.cohorts.TenantAssessmentsPage.StageRow;
import org.rapport.lti.cohorts.TenantAssessmentsPage.WaveRow;
import org.rapport.lti.web.Pages;

class AssessmentAdminPagesTest {
  private final Pages pages = new Pages();

  private static final InstrumentRow SCHEDULABLE =
      new InstrumentRow(
          "rapport-empathy", 1, "Rapport empathy reflection", "formative", 18, true, null);
  private static final InstrumentRow BROKEN =
      new InstrumentRow(
          "licensed", 2, "A <licensed> scale", "validated", 20, false, "item texts missing");

  @Test
  void theOverviewListsInstrumentsWithWhyOneCannotBeScheduledAndEachTenant() {
    String html =
        pages.render(
            "admin-assessments",
            "Self-assessment",
            new AssessmentsOverviewPage(
                List.of(SCHEDULABLE, BROKEN),
                List.of(new TenantRow(7, "North & South", 3, true)),
                false));
    assertTrue(html.contains("rapport-empathy"), html);
    assertTrue(html.contains("item texts missing"), html);
    assertTrue(html.contains("A &lt;licensed&gt; scale"), html);
    assertTrue(html.contains("/admin/assessments/7"), html);
    assertTrue(html.contains("North &amp; South"), html);
  }

  @Test
  void theTenantPageFillsTheScheduleAndWaveFormsFromTheRecord() {
    List<InstrumentOption> options =
        List.of(
            new InstrumentOption(
                "rapport-empathy:1", "Empathy (rapport-empathy, version 1)", true));
    TenantAssessmentsPage page =
        new TenantAssessmentsPage(
            7,
            "North",
            List.of("Year: not a year."),
            true,
            null,
            false,
            "08-01",
            List.of(BROKEN),
            List.of(
                new StageRow(
                    "s1",
                    "Y1",
                    "End of year 1",
                    "End of year 1",
                    List.of(new PhaseOption("clerkship", "Clerkship", true)),
                    true,
                    12,
                    42,
                    options)),
            List.of(
                new CohortRow(
                    "Class of 2030",
                    2030,
                    25,
                    List.of(
                        new WaveRow(
                            41,
                            "End of year 1",
                            "2031-06-01",
                            "2031-07-12",
                            true,
                            12,
                            3,
                            4,
                            options,
                            "rapport-empathy version 1",
                            WaveStatus.OPEN,
                            TenantAssessmentsPage.Problems.NONE),
                        new WaveRow(
                            42,
                            "End of year 2",
                            "2032-07-01",
                            "2032-06-12",
                            false,
                            0,
                            0,
                            0,
                            options,
                            "rapport-empathy version 1",
                            WaveStatus.UPCOMING,
                            new TenantAssessmentsPage.Problems(
                                null, "2032-06-12 is before the opening day.", null, null))))),
            false);
    String html = pages.render("admin-tenant-assessments", "Self-assessment: North", page);
    assertTrue(html.contains("action=\"/admin/assessments/7/template\""), html);
    assertTrue(html.contains("name=\"s1_include\" checked"), html);
    assertTrue(html.contains("name=\"s1_offset\" value=\"12\""), html);
    assertTrue(html.contains("value=\"08-01\""), html);
    assertTrue(html.contains("name=\"s1_code\" value=\"Y1\""), html);
    assertTrue(html.contains("<option value=\"clerkship\" selected>Clerkship</option>"), html);
    assertTrue(html.contains("<li>Year: not a year.</li>"), html);
    assertTrue(html.contains("cannot be scheduled: item texts missing"), html);
    assertTrue(html.contains("action=\"/admin/assessments/7/waves\""), html);
    assertEquals(1, html.split("Save all waves").length - 1, "one save for the whole table");
    assertTrue(html.contains("id=\"opens-41\" name=\"w41_opens\" value=\"2031-06-01\""), html);
    assertTrue(html.contains("<tr data-wave=\"41\" data-status=\"OPEN\">"), html);
    assertTrue(html.contains(">Open now</span>"), html);
    assertTrue(html.contains(">Upcoming</span>"), html);
    assertTrue(
        html.contains(
            "<p class=\"field-error\" id=\"closes-42-error\">2032-06-12 is before the opening"
                + " day.</p><input type=\"date\" id=\"closes-42\" name=\"w42_closes\""
                + " value=\"2032-06-12\" aria-invalid=\"true\""),
        html);
    assertTrue(html.contains("<option value=\"rapport-empathy:1\" selected>"), html);
    assertTrue(html.contains("12 submitted, 3 imported, 4 drafts"), html);
    assertTrue(html.contains("Class of 2030 <span class=\"muted\">(25 students)"), html);
    assertFalse(html.contains("No cohort yet"), html);
  }
}
