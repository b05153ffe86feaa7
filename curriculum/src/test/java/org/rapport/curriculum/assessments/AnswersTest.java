package org.rapport.curriculum.assessments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.curriculum.assessments.AnswerProblem.Reason;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.testdata.AnswerSheet;
import org.rapport.curriculum.testdata.TestInstruments;

class AnswersTest {

  private static final Instrument JSE = TestInstruments.jseS();

  @ParameterizedTest(name = "item {0} answered {1}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1  | 0  | OUT_OF_RANGE | item 1: answer 0 is outside the scale 1–7",
        "1  | 8  | OUT_OF_RANGE | item 1: answer 8 is outside the scale 1–7",
        "20 | -1 | OUT_OF_RANGE | item 20: answer -1 is outside the scale 1–7",
        "0  | 4  | UNKNOWN_ITEM | item 0 is not an item of jse-s version 1",
        "21 | 4  | UNKNOWN_ITEM | item 21 is not an item of jse-s version 1",
        "-3 | 4  | UNKNOWN_ITEM | item -3 is not an item of jse-s version 1"
      })
  void rejectsAnswersThatDoNotFit(int item, int answer, Reason reason, String message) {
    Map<Integer, Integer> answers = AnswerSheet.all(JSE, 4).with(item, answer).toMap();

    AnswerRejected thrown = assertThrows(AnswerRejected.class, () -> Answers.of(JSE, answers));

    assertEquals(List.of(new AnswerProblem(reason, item, answer, message)), thrown.problems());
  }

  @Test
  void listsEveryRejectedAnswer() {
    Map<Integer, Integer> answers = AnswerSheet.all(JSE, 4).with(3, 8).with(25, 1).toMap();

    AnswerRejected thrown = assertThrows(AnswerRejected.class, () -> Answers.of(JSE, answers));

    assertEquals(
        "answers rejected: item 3: answer 8 is outside the scale 1–7;"
            + " item 25 is not an item of jse-s version 1",
        thrown.getMessage());
  }

  @Test
  void treatsANullAnswerAsUnanswered() {
    Map<Integer, Integer> answers = new HashMap<>(AnswerSheet.all(JSE, 4).toMap());
    answers.put(9, null);

    Answers accepted = Answers.of(JSE, answers);

    assertEquals(OptionalInt.empty(), accepted.answer(9));
    assertEquals(OptionalInt.of(4), accepted.answer(10));
    assertEquals(19, accepted.byItem().size());
  }
}
