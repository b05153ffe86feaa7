package org.rapport.lti.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rapport.lti.web.Nav;
import org.rapport.lti.web.Pages;

class AppHomePageTest {
  @Test
  void theDeadlineIsAMachineReadableInstantWithTheUtcTextForPagesWithoutScript() {
    var next =
        WhatNext.plan(
            new WhatNext.Open("End of year 1", Instant.parse("2026-12-31T23:59:00Z"), 9, 18),
            new WhatNext.Modules(
                null, new WhatNext.Start("Agenda", "/app/modules/a?s=t", 10), 0, 3),
            "t");
    String html =
        new Pages()
            .render(
                "app-home",
                "Rapport",
                new AppHomePage(
                    "Ada",
                    "Student",
                    null,
                    false,
                    "t",
                    Nav.student("t", Nav.StudentPage.HOME),
                    next));
    assertTrue(
        html.contains(
            "<time class=\"local-time\" datetime=\"2026-12-31T23:59:00Z\">31 December 2026 at 23:59"
                + " UTC</time>"),
        html);
    assertTrue(html.contains("9 of 18 statements answered"), html);
    assertTrue(html.contains("Next module: Agenda (about 10 minutes)"), html);
    assertTrue(html.contains("<script src=\"/assets/local-time.js\"></script>"), html);
    assertTrue(html.contains("aria-current=\"page\">Home</a>"), html);
    assertTrue(html.contains("href=\"/app/assessment?s&#61;t\">Self-assessment</a>"), html);
  }
}
