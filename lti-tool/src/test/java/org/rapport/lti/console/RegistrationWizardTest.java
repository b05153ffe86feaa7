package org.rapport.lti.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.lti.registration.PlatformKind;

/** How the wizard reads the registration use case's problems and the LMS a form names. */
class RegistrationWizardTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          jwksUri: use an absolute https:// URL.                     | jwksUri        | use an absolute https:// URL.
          create.request.tokenEndpoint: Rapport does not call http:. | tokenEndpoint  | Rapport does not call http:.
          deploymentId: use at most 255 characters.                  | deploymentId   | use at most 255 characters.
          siteUrl: type the address of your Moodle site.             | siteUrl        | type the address of your Moodle site.
          """)
  void aProblemNamingAFieldIsShownNextToIt(String text, String field, String message) {
    RegistrationWizardView.Problem problem = RegistrationWizard.problem(text);
    assertEquals(field, problem.field());
    assertEquals(message, problem.message());
  }

  @Test
  void aProblemNamingNoFieldOfTheFormStaysInTheSummary() {
    RegistrationWizardView.Problem problem =
        RegistrationWizard.problem("Send the registration as a JSON object.");
    assertNull(problem.field());
    assertEquals("Send the registration as a JSON object.", problem.message());
    assertNull(RegistrationWizard.problem("secret: no such field").field());
  }

  @Test
  void theLmsIsOneOfTheKnownKinds() {
    assertEquals(PlatformKind.D2L, RegistrationWizard.kind(" d2l ").orElseThrow());
    assertEquals(true, RegistrationWizard.kind("WEBCT").isEmpty());
    assertEquals(true, RegistrationWizard.kind(null).isEmpty());
  }

  @Test
  void anInputIsDescribedByItsHintAndItsProblem() {
    RegistrationWizardView.Field field =
        new RegistrationWizardView.Field(
            "jwksUri", "Keys", "url", "http://x", "hint", "refused", true, null);
    assertEquals("jwksUri-hint jwksUri-error", field.describedBy());
    assertEquals(true, field.invalid());
  }
}
