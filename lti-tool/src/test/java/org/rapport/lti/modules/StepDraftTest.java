package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which texts are kept as a step's draft. */
class StepDraftTest {
  @ParameterizedTest(name = "\"{0}\" beside submitted \"{1}\": kept {2}")
  @CsvSource(
      value = {
        "Half a thought,NULL,true",
        "Half a thought,Another text,true",
        "Same text,Same text,false",
        "'',NULL,false",
        "'   ',Submitted,false",
        "'Same text ',Same text,true"
      },
      nullValues = "NULL")
  void aDraftIsKeptWhenItHoldsSomethingTheStepDoesNot(String text, String submitted, boolean kept) {
    assertEquals(kept, StepDraft.worthKeeping(text, submitted));
  }
}
