package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;

class RatingAnswersTest {
  private static final Instrument FORM =
      InstrumentCatalog.shipped().find(RatingForms.PATIENT_FORM).orElseThrow();

  @Test
  void everyItemAnsweredIsReadWithNoProblem() {
    RatingAnswers read = RatingAnswers.read(FORM, all("4"));
    assertEquals(FORM.items().size(), read.answers().size());
    assertEquals(List.of(), read.problems());
  }

  @Test
  void couldNotJudgeIsNotAnAnswerAndNotAProblem() {
    Map<String, List<String>> fields = all("5");
    fields.put("item_2", List.of(RatingAnswers.COULD_NOT_JUDGE));
    RatingAnswers read = RatingAnswers.read(FORM, fields);
    assertEquals(Set.of(2), read.notJudged());
    assertTrue(!read.answers().containsKey(2));
    assertEquals(List.of(), read.problems());
  }

  @Test
  void unansweredAndOffScaleItemsAreNamedAndMarked() {
    Map<String, List<String>> fields = all("3");
    fields.remove("item_3");
    fields.put("item_5", List.of(""));
    fields.put("item_7", List.of("9"));
    fields.put("item_8", List.of("<script>"));
    RatingAnswers read = RatingAnswers.read(FORM, fields);
    assertEquals(Set.of(3, 5), read.unanswered());
    assertEquals(Set.of(7, 8), read.invalid());
    assertEquals(Set.of(3, 5, 7, 8), read.marked());
    assertEquals(2, read.problems().size());
    assertTrue(read.problems().get(0).contains("statement 3, statement 5"), read.problems().get(0));
    assertTrue(read.problems().get(1).contains("statement 7, statement 8"), read.problems().get(1));
  }

  @Test
  void theSkipRuleSaysHowManyMayBeLeftOut() {
    String rule = RatingFormPage.skipRule(FORM);
    assertTrue(rule.contains("Could not judge"), rule);
    assertTrue(rule.contains(String.valueOf(FORM.missing().maxMissingTotal())), rule);
  }

  @Test
  void theFormOffersEveryPointAndCouldNotJudgeWithTheGivenAnswerChecked() {
    Map<String, List<String>> fields = all("2");
    RatingAnswers given = RatingAnswers.read(FORM, fields);
    List<RatingFormPage.ItemView> items = RatingFormPage.items(FORM, given);
    RatingFormPage.ItemView first = items.get(0);
    int points = FORM.scale().max() - FORM.scale().min() + 1;
    assertEquals(points + 1, first.options().size());
    assertEquals(
        List.of("2"),
        first.options().stream()
            .filter(RatingFormPage.OptionView::checked)
            .map(RatingFormPage.OptionView::value)
            .toList());
  }

  private static Map<String, List<String>> all(String value) {
    Map<String, List<String>> fields = new HashMap<>();
    FORM.items().forEach(item -> fields.put("item_" + item.number(), List.of(value)));
    return fields;
  }
}
