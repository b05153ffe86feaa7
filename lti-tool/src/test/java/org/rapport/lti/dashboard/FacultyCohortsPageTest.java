package org.rapport.lti.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the cohort page says of a wave with too few answers: never the hidden count, nor a number of
 * answers still needed from which it could be worked out.
 */
class FacultyCohortsPageTest {
  @Test
  void belowTheMinimumOnlyMoreAnswersAreAskedFor() {
    for (int answered = 0; answered < 10; answered++) {
      String words = FacultyCohortsPage.answered(answered, 10);
      assertEquals(
          "fewer than 10 students have answered so far, so more answers are needed", words);
    }
    assertEquals("12 students have answered so far", FacultyCohortsPage.answered(12, 10));
  }

  @Test
  void theEmptyStateSaysWhenTheWaveClosesAndWhatIsNeededWithoutACount() {
    List<String> texts =
        FacultyCohortsPage.waiting(
                List.of(new OpenWaves.OpenWave("Year 3", LocalDate.of(2027, 5, 31), 7)), null, 10)
            .lines();
    assertEquals(2, texts.size());
    assertTrue(texts.get(0).contains("at least 10 answers"), texts.get(0));
    String open = texts.get(1);
    assertTrue(open.startsWith("Year 3 is open until 31 May 2027."), open);
    assertTrue(open.contains("more answers are needed"), open);
    assertFalse(open.matches(".*\\b[1-9] (more )?answers?\\b.*"), open);
    assertFalse(open.contains(" 7 "), "the hidden count stays hidden: " + open);
    assertFalse(open.contains("3 more"), open);
  }
}
