package org.rapport.lti.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatNextTest {
  private static final Instant END_OF_YEAR = Instant.parse("2026-12-31T23:59:00Z");
  private static final WhatNext.Modules CONTINUING =
      new WhatNext.Modules(
          new WhatNext.Continuing("Teach-back", "/app/modules/teach-back?s=t", 3, 6, "Try it"),
          new WhatNext.Start("Agenda", "/app/modules/agenda?s=t", 15),
          1,
          20);
  private static final WhatNext.Modules FRESH =
      new WhatNext.Modules(null, new WhatNext.Start("Agenda", "/app/modules/agenda?s=t", 1), 0, 20);

  @Test
  void anOpenWaveComesFirstWithItsDeadlineInUtcAndTheAnsweredCount() {
    List<WhatNext.Suggestion> plan =
        WhatNext.plan(new WhatNext.Open("End of year 1", END_OF_YEAR, 9, 18), CONTINUING, "t");
    assertEquals(2, plan.size());
    WhatNext.Suggestion first = plan.get(0);
    assertEquals("assessment", first.kind());
    assertEquals("Self-assessment (End of year 1) open until", first.text());
    assertEquals("2026-12-31T23:59:00Z", first.until().iso());
    assertEquals("31 December 2026 at 23:59 UTC", first.until().text());
    assertEquals(" — 9 of 18 statements answered", first.after());
    assertEquals("Continue the self-assessment", first.action());
    assertEquals("/app/assessment?s=t", first.href());
    assertEquals("module", plan.get(1).kind());
  }

  @Test
  void aModuleInProgressIsContinuedAtItsStepBeforeANewOneIsSuggested() {
    WhatNext.Suggestion module =
        WhatNext.plan(new WhatNext.Submitted("End of year 1"), CONTINUING, "t").get(0);
    assertEquals("Continue: Teach-back (step 3 of 6)", module.text());
    assertEquals("/app/modules/teach-back?s=t", module.href());
    assertTrue(module.detail().contains("Try it"), module.detail());
  }

  @Test
  void withoutAModuleInProgressTheNextModuleToStartIsSuggested() {
    WhatNext.Suggestion module = WhatNext.plan(new WhatNext.NothingOpen(), FRESH, "t").get(0);
    assertEquals("Next module: Agenda (about 1 minute)", module.text());
    assertEquals("Start Agenda", module.action());
  }

  @Test
  void whenEveryModuleIsDoneTheHomeSaysSoAndLinksTheList() {
    WhatNext.Suggestion module =
        WhatNext.plan(new WhatNext.NothingOpen(), new WhatNext.Modules(null, null, 1, 1), "t")
            .get(0);
    assertEquals("You have completed all 1 module.", module.text());
    assertEquals("/app/modules?s=t", module.href());
  }

  @Test
  void anUpcomingWaveNamesWhenItOpensAndComesAfterTheModules() {
    List<WhatNext.Suggestion> plan =
        WhatNext.plan(
            new WhatNext.Upcoming("End of year 2", Instant.parse("2027-05-01T00:00:00Z")),
            FRESH,
            "t");
    assertEquals("module", plan.get(0).kind());
    WhatNext.Suggestion assessment = plan.get(1);
    assertEquals("Next self-assessment (End of year 2) opens", assessment.text());
    assertEquals("1 May 2027 at 00:00 UTC", assessment.until().text());
  }

  @Test
  void oneStatementIsSingularAndAFreshWaveIsStarted() {
    WhatNext.Suggestion first =
        WhatNext.plan(new WhatNext.Open("Y1", END_OF_YEAR, 0, 1), FRESH, "t").get(0);
    assertEquals(" — 0 of 1 statement answered", first.after());
    assertEquals("Start the self-assessment", first.action());
  }

  @Test
  void aWaveWithoutAnEndDateSaysOnlyThatItIsOpen() {
    WhatNext.Suggestion first =
        WhatNext.plan(new WhatNext.Open("Y1", null, 2, 18), FRESH, "t").get(0);
    assertEquals("Self-assessment (Y1) open", first.text());
    assertNull(first.until());
  }

  @Test
  void beforeConsentTheHomeOffersThePrivacyNoticeWithoutPressingIt() {
    List<WhatNext.Suggestion> plan = WhatNext.plan(new WhatNext.NeedsConsent(), FRESH, "t");
    assertEquals("module", plan.get(0).kind());
    assertEquals("Read the privacy notice", plan.get(1).action());
    assertNull(plan.get(1).until());
  }

  @Test
  void ratingsAskedOfTheStudentComeBeforeTheModulesAndAfterAnOpenWave() {
    List<WhatNext.Suggestion> plan =
        WhatNext.plan(new WhatNext.Open("End of year 1", END_OF_YEAR, 9, 18), CONTINUING, 2, "t");
    assertEquals(3, plan.size());
    assertEquals("assessment", plan.get(0).kind());
    WhatNext.Suggestion ratings = plan.get(1);
    assertEquals("ratings", ratings.kind());
    assertEquals("You were asked to rate 2 conversations of a classmate.", ratings.text());
    assertEquals("/app/ratings?s=t", ratings.href());
    assertEquals("Give the ratings", ratings.action());
    assertEquals("module", plan.get(2).kind());
    assertEquals(2, WhatNext.plan(new WhatNext.NothingOpen(), CONTINUING, 0, "t").size());
  }
}
