package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.web.Pages;

class StudentAdminPagesTest {
  private final Pages pages = new Pages();

  private static final StudentView STUDENT =
      new StudentView(
          31,
          7,
          "P-<31>",
          "lms-sub-9",
          2021,
          "ADMIN",
          "2026-01-02T10:00Z",
          2,
          List.of(
              new StudentView.MoveView(2020, 2021, "ADMIN", "admin ann", "repeating year 1", "t")));

  @Test
  void aRefusedCohortMoveShowsEachProblemBesideItsFieldAndKeepsWhatWasTyped() {
    String html =
        pages.render(
            "admin-students",
            "Student P-31",
            new StudentAdminPage(
                null,
                List.of(),
                List.of(new StudentAdminPage.TenantOption(7, "North & South", true)),
                StudentAdminPage.Lookup.EMPTY,
                STUDENT,
                "North & South",
                new StudentAdminPage.CohortForm("2022", "", null, "Say why the student moves."),
                StudentAdminPage.LinkForm.EMPTY));
    assertTrue(html.contains("<h1>Student P-&lt;31&gt;</h1>"), html);
    assertTrue(html.contains("<td data-cohort=\"2021\">2021"), html);
    assertTrue(
        html.contains(
            "<p class=\"field-error\" id=\"cohort-reason-error\">Say why the student moves.</p>"),
        html);
    assertTrue(html.contains("aria-describedby=\"cohort-reason-hint cohort-reason-error\""), html);
    assertTrue(html.contains("name=\"matriculationYear\" inputmode=\"numeric\""), html);
    assertTrue(html.contains("value=\"2022\""), html);
    assertTrue(html.contains("action=\"/admin/students/31/delete\""), html);
    assertTrue(html.contains("href=\"/admin/students/31/export\""), html);
    assertTrue(html.contains("repeating year 1"), html);
    assertTrue(html.contains("<option value=\"7\" selected>North &amp; South</option>"), html);
    assertFalse(html.contains("cohort-year-error"), html);
  }

  @Test
  void theConfirmationCarriesTheMoveAndAsksBeforeDeleting() {
    String move =
        pages.render(
            "admin-student-confirm",
            "Move",
            new StudentConfirmPage(STUDENT, "North", false, "2022", "repeating\nyear 2"));
    assertTrue(move.contains("<h1>Move student P-&lt;31&gt; to the cohort of 2022?</h1>"), move);
    assertTrue(
        move.contains("<input type=\"hidden\" name=\"reason\" value=\"repeating&#10;year 2\">"),
        move);
    assertTrue(move.contains("name=\"decision\" value=\"confirm\""), move);
    assertFalse(move.contains("/delete"), move);
    String delete =
        pages.render(
            "admin-student-confirm",
            "Delete",
            new StudentConfirmPage(STUDENT, "North", true, "", ""));
    assertTrue(delete.contains("<h1>Delete student P-&lt;31&gt;?</h1>"), delete);
    assertTrue(delete.contains("action=\"/admin/students/31/delete\""), delete);
    assertTrue(delete.contains("2 response(s)"), delete);
  }
}
