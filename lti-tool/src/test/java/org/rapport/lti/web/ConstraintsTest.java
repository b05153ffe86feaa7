package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rapport's own constraints for request bodies. */
class ConstraintsTest {
  @Test
  void aChoiceMayBeLeftOutOrNamedInAnyCase() {
    OneOf.Check check = new OneOf.Check();
    check.initialize(annotation(Choices.class, "choice", OneOf.class));
    assertTrue(check.isValid(null, null));
    assertTrue(check.isValid("  ", null));
    assertTrue(check.isValid(" canvas ", null));
    assertFalse(check.isValid("blackboard", null));
  }

  @Test
  void optionalTextMayBeMissingButNotTooLong() {
    AtMost.Check check = new AtMost.Check();
    check.initialize(annotation(Choices.class, "label", AtMost.class));
    assertTrue(check.isValid(null, null));
    assertTrue(check.isValid("abc", null));
    assertFalse(check.isValid("abcd", null));
  }

  @Test
  void filledInTextCanBeMeasuredWithoutItsSurroundingSpaces() {
    FilledIn.Check check = new FilledIn.Check();
    check.initialize(annotation(Choices.class, "name", FilledIn.class));
    assertTrue(check.isValid("  abc  ", null));
    assertFalse(check.isValid("   ", null));
  }

  @Test
  void aWebAddressSaysWhatIsWrongWithIt() {
    assertNull(WebAddress.Check.problem("https://lms.example.edu/jwks", 1024));
    assertEquals("use an absolute https:// URL.", WebAddress.Check.problem("not-a-url", 1024));
    assertEquals("use an absolute https:// URL.", WebAddress.Check.problem("ftp://x.org/", 1024));
    assertEquals("\"not a url\" is not a valid URL.", WebAddress.Check.problem("not a url", 1024));
    assertEquals(
        "use at most 20 characters.", WebAddress.Check.problem("https://x.org/abcdefgh", 20));
  }

  @Test
  void quotedTextIsNeverReadAsAMessageTemplate() {
    assertEquals(
        "\\{jakarta.validation.constraints.NotNull.message\\} \\$\\{1+1\\} a\\\\b",
        ViolationText.literal("{jakarta.validation.constraints.NotNull.message} ${1+1} a\\b"));
  }

  record Choices(
      @OneOf(
              value = {"CANVAS", "MOODLE"},
              message = "use CANVAS or MOODLE.")
          String choice,
      @AtMost(value = 3, message = "use at most 3 characters.") String label,
      @FilledIn(max = 3, stripped = true, message = "give a name.", tooLong = "too long.")
          String name) {}

  private static <A extends java.lang.annotation.Annotation> A annotation(
      Class<? extends Record> type, String component, Class<A> annotation) {
    try {
      return type.getDeclaredMethod(component).getAnnotation(annotation);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(component, e);
    }
  }
}
