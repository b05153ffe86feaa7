package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.testdata.DefinitionYaml;

/** The {@code rated_by} and {@code comment_prompt} fields of a definition. */
class RatingFormDefinitionTest {

  private static final String FILE = DefinitionYaml.FILE;
  private static final String TOTAL = "total: {label: Test total}";

  private static DefinitionYaml with(String lines) {
    return DefinitionYaml.valid().replacing(TOTAL, TOTAL + "\n" + lines);
  }

  @Test
  void readsARatingFormWithItsRatersAndCommentPrompt() {
    Instrument form =
        InstrumentDefinitionReader.parse(
            FILE,
            with("rated_by: [peer, faculty]\ncomment_prompt: '  What helped the patient?  '")
                .text());

    assertEquals(Set.of(RaterType.FACULTY, RaterType.PEER), form.ratedBy());
    assertEquals(List.of(RaterType.FACULTY, RaterType.PEER), List.copyOf(form.ratedBy()));
    assertEquals(Optional.of("What helped the patient?"), form.commentPrompt());
    assertTrue(form.isRatingForm());
  }

  @Test
  void aRatingFormMayLeaveTheCommentPromptOut() {
    Instrument form = InstrumentDefinitionReader.parse(FILE, with("rated_by: [patient]").text());

    assertEquals(Set.of(RaterType.PATIENT), form.ratedBy());
    assertTrue(form.commentPrompt().isEmpty());
  }

  @Test
  void ratedByIsUnmodifiable() {
    Instrument form = InstrumentDefinitionReader.parse(FILE, with("rated_by: [patient]").text());

    assertThrows(UnsupportedOperationException.class, () -> form.ratedBy().add(RaterType.PEER));
  }

  static Stream<Arguments> brokenRatingForms() {
    return Stream.of(
        Arguments.of(
            "unknown rater type",
            with("rated_by: [faculty, examiner]"),
            problem("rated_by[1]", "must be one of patient, faculty, peer, not 'examiner'")),
        Arguments.of(
            "rater type not text",
            with("rated_by: [3]"),
            problem("rated_by[0]", "must be one of patient, faculty, peer, not the number 3")),
        Arguments.of(
            "empty list",
            with("rated_by: []"),
            problem(
                "rated_by",
                "must name at least one rater type (patient, faculty, peer); leave rated_by out"
                    + " for a self-report")),
        Arguments.of(
            "no value",
            with("rated_by:"),
            problem(
                "rated_by",
                "is empty: list who rates this form (patient, faculty, peer), or leave rated_by"
                    + " out for a self-report")),
        Arguments.of(
            "duplicate",
            with("rated_by: [peer, faculty, peer]"),
            problem("rated_by[2]", "'peer' is listed more than once")),
        Arguments.of(
            "not a list",
            with("rated_by: faculty"),
            problem(
                "rated_by",
                "must be a list of rater types (patient, faculty, peer), not the text 'faculty'")),
        Arguments.of(
            "comment prompt on a self-report",
            with("comment_prompt: What went well?"),
            problem(
                "comment_prompt",
                "is only for a rating form: add rated_by (patient, faculty, peer) to make this a"
                    + " rating form, or leave comment_prompt out of a self-report")),
        Arguments.of(
            "blank comment prompt",
            with("rated_by: [faculty]\ncomment_prompt: '  '"),
            problem("comment_prompt", "is empty")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRatingForms")
  void reportsEachProblemWithFileFieldAndMessage(
      String name, DefinitionYaml definition, InstrumentProblem expected) {
    InstrumentException thrown =
        assertThrows(
            InstrumentException.class,
            () -> InstrumentDefinitionReader.parse(FILE, definition.text()));

    assertEquals(List.of(expected), thrown.problems());
  }

  private static InstrumentProblem problem(String field, String message) {
    return new InstrumentProblem(FILE, field, message);
  }
}
