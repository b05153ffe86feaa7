package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;

class CheckAnswersTest {
  /** teach-back's check: four questions of four options; correct are 1, 3, 1 and 0. */
  private static final CheckStep CHECK =
      (CheckStep)
          ModuleCatalog.load(null)
              .find(ModuleId.of("teach-back"))
              .orElseThrow()
              .step("check")
              .orElseThrow();

  @Test
  void scoresCorrectAnswers() {
    CheckAnswers answers =
        CheckAnswers.read(CHECK, Map.of("q1", "1", "q2", "1", "q3", "1", "q4", "2")::get);
    assertTrue(answers.complete());
    assertEquals(2, answers.score(CHECK));
    assertEquals("1,1,1,2", answers.format());
    assertEquals(answers, CheckAnswers.parse("1,1,1,2", CHECK).orElseThrow());
  }

  @Test
  void namesTheQuestionsWithoutAnAnswer() {
    CheckAnswers answers = CheckAnswers.read(CHECK, Map.of("q2", "1", "q4", "")::get);
    assertFalse(answers.complete());
    assertEquals(List.of(1, 3, 4), answers.missing());
    assertEquals("Questions 1, 3 and 4 still need an answer.", answers.missingSentence());
    CheckAnswers one = CheckAnswers.read(CHECK, Map.of("q1", "0", "q2", "1", "q3", "0")::get);
    assertEquals("Question 4 still needs an answer.", one.missingSentence());
  }

  @Test
  void refusesAnOptionTheQuestionDoesNotHave() {
    PlayerException e =
        assertThrows(
            PlayerException.class,
            () -> CheckAnswers.read(CHECK, Map.of("q1", "0", "q2", "4")::get));
    assertEquals(PlayerProblem.UNKNOWN_OPTION, e.problem());
    assertThrows(PlayerException.class, () -> CheckAnswers.read(CHECK, Map.of("q1", "x")::get));
  }

  @Test
  void storedAnswersThatNoLongerFitAreIgnored() {
    assertTrue(CheckAnswers.parse("0,1", CHECK).isEmpty());
    assertTrue(CheckAnswers.parse("0,1,0,9", CHECK).isEmpty());
    assertTrue(CheckAnswers.parse(null, CHECK).isEmpty());
  }

  @Test
  void checklistTicksStayWithinTheChecklist() {
    assertEquals("0,2", ChecklistTicks.read(List.of("2", "0", "2"), 5).format());
    assertEquals(
        PlayerProblem.UNKNOWN_CHECKLIST_ITEM,
        assertThrows(PlayerException.class, () -> ChecklistTicks.read(List.of("5"), 5)).problem());
    assertEquals("1", ChecklistTicks.parse("1,7,x", 5).format());
  }

  @Test
  void textLimitCountsLineBreaksOnce() {
    String crlf = "a\r\n".repeat(7_000);
    assertEquals(21_000, crlf.length());
    String text = TextLimit.normalise(crlf);
    assertEquals(14_000, text.length());
    assertFalse(TextLimit.tooLong(text));
    assertFalse(TextLimit.tooLong("x".repeat(20_000)));
    assertTrue(TextLimit.tooLong("x".repeat(20_001)));
  }
}
