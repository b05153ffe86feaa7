package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldProblemsTest {
  private final FieldProblems problems =
      new FieldProblems(
          List.of(
              "matriculationYear: give the year the student started medical school.",
              "reason: say why the student moves.",
              "reason: use at most 1000 characters.",
              "The tenant does not exist."));

  @Test
  void aProblemAboutAFieldIsShownBesideItWithoutTheFieldsName() {
    assertEquals(
        "Give the year the student started medical school.", problems.of("matriculationYear"));
    assertEquals("Say why the student moves. Use at most 1000 characters.", problems.of("reason"));
    assertNull(problems.of("lmsSubject"));
  }

  @Test
  void aFieldWhoseNameStartsAnotherFieldsNameGetsOnlyItsOwnProblems() {
    FieldProblems similar = new FieldProblems(List.of("studentIdentifier: too long."));
    assertNull(similar.of("studentId"));
  }

  @Test
  void problemsAboutNoFieldOfTheFormAreListedAboveIt() {
    assertEquals(
        List.of("The tenant does not exist."),
        problems.others(Set.of("matriculationYear", "reason")));
  }
}
