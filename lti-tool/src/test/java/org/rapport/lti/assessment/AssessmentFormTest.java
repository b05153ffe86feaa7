package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;

/** Reading the answer form and the sentence for an incomplete submission. */
class AssessmentFormTest {
  private static MultivaluedMap<String, String> form(String... nameValue) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      form.add(nameValue[i], nameValue[i + 1]);
    }
    return form;
  }

  @Test
  void itemFieldsBecomeAnswersAndOtherFieldsAreIgnored() {
    assertEquals(
        Map.of(1, 4, 12, 7),
        AssessmentResource.answers(form("wave", "3", "item_1", "4", "item_12", "7", "item_2", "")));
  }

  @Test
  void unreadableAnswersAreRefusedWithEveryProblem() {
    AssessmentRefused refused =
        assertThrows(
            AssessmentRefused.class,
            () -> AssessmentResource.answers(form("item_1", "four", "item_x", "3")));
    assertEquals(Refusal.INVALID_ANSWER, refused.refusal());
    assertEquals(400, refused.refusal().status());
    assertEquals(
        "Some answers could not be read: statement 1: 'four' is not one of the answers; 'item_x'"
            + " is not a statement.",
        refused.getMessage());
  }

  @Test
  void anIncompleteSubmissionSaysWhatIsMissingAndWhatIsAllowed() {
    assertEquals(
        "A few statements are still unanswered (numbers 3, 7, 12, 15). You may leave at most 3"
            + " unanswered in all and 1 in each part. Your answers so far are saved; please answer"
            + " a few more and submit again.",
        SelfAssessment.incompleteMessage(
            InstrumentCatalog.shipped().find(InstrumentRef.of("rapport-empathy", 1)).orElseThrow(),
            List.of(3, 7, 12, 15)));
  }
}
