package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems of a request body are listed section by section, each in the order of its fields. */
class BodyProblemsTest {
  record Stage(String stage, Integer offsetMonths, String instrument) {}

  record Template(String anchor, List<Stage> stages, String note) {}

  @Test
  void problemsFollowTheFieldsOfTheBodyWhateverOrderTheyWereFoundIn() {
    BodyProblems problems =
        new BodyProblems(Template.class)
            .add("note", "too long.")
            .add("stages[1].offsetMonths", "300 is too far.")
            .add("stages[0].instrument", "not installed.")
            .add("stages[1].stage", "no name.")
            .add("anchor", "not a day.")
            .add("stages[0]", "give the stage as an object.");
    assertEquals(
        List.of(
            "anchor: not a day.",
            "stages[0]: give the stage as an object.",
            "stages[0].instrument: not installed.",
            "stages[1].stage: no name.",
            "stages[1].offsetMonths: 300 is too far.",
            "note: too long."),
        problems.list());
  }

  @Test
  void aLaterSectionComesAfterAnEarlierOneAndProblemsOfOneFieldKeepTheirOrder() {
    BodyProblems problems =
        new BodyProblems(Template.class)
            .add("note", "first.")
            .add("note", "second.")
            .then()
            .add("anchor", "checked later.")
            .add("", "A sentence about the whole body.");
    assertEquals(
        List.of(
            "note: first.",
            "note: second.",
            "A sentence about the whole body.",
            "anchor: checked later."),
        problems.list());
  }

  @Test
  void anUnknownFieldGoesLast() {
    assertEquals(
        List.of("anchor: a.", "nonsense: b."),
        new BodyProblems(Template.class).add("nonsense", "b.").add("anchor", "a.").list());
  }

  @Test
  void aConflictIsListedAtItsFieldAsItsBareSentence() {
    BodyProblems problems =
        new BodyProblems(Template.class)
            .add("stages[1].stage", "no name.")
            .conflict("stages[0].instrument", "The licensed texts are not installed.");
    assertEquals(
        List.of("The licensed texts are not installed.", "stages[1].stage: no name."),
        problems.list());
  }

  @Test
  void noProblemIsEmpty() {
    assertTrue(new BodyProblems(Template.class).then().isEmpty());
  }
}
