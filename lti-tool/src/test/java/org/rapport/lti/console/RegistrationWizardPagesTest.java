package org.rapport.lti.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.lti.registration.PlatformKind;
import org.rapport.lti.registration.PlatformSetupValues;
import org.rapport.lti.web.Pages;

/** The wizard's templates rendered with their views, without a server. */
class RegistrationWizardPagesTest {
  private final Pages pages = new Pages();
  private final PlatformSetupValues values =
      new PlatformSetupValues(URI.create("https://rapport.example.edu"));

  @Test
  void theChoiceOfLmsIsARadioGroupWithALabelForEachOption() {
    String html =
        pages.render(
            "admin-lms-kind", "Register an LMS", new RegistrationWizard().choose("SAKAI", null));
    for (PlatformKind kind : PlatformKind.values()) {
      assertTrue(
          html.contains(
              "<input type=\"radio\" id=\"kind-" + kind.name() + "\" name=\"kind\" value=\""),
          kind.name());
      assertTrue(html.contains("<label for=\"kind-" + kind.name() + "\">" + kind.label()));
    }
    assertTrue(html.contains("value=\"SAKAI\" required checked"), html);
    assertFalse(html.contains("role=\"alert\""));
  }

  @Test
  void aRefusedSaveShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() {
    RegistrationWizardView.Field jwks =
        new RegistrationWizardView.Field(
            "jwksUri",
            "Platform keyset (JWKS) URL",
            "url",
            "http://127.0.0.1/keys?a=\"b\"",
            "Moodle's Public keyset URL.",
            "Rapport does not call an address on this server.",
            true,
            null);
    RegistrationWizardView.Field clientId =
        new RegistrationWizardView.Field(
            "clientId", "Client id", "text", "abc123", "Moodle's Client ID.", null, true, null);
    RegistrationWizardView view =
        new RegistrationWizardView(
            "MOODLE",
            "Moodle",
            new RegistrationWizardView.SiteQuestion(
                "Moodle site address", "hint", "https://moodle.example.edu", false, "", null),
            "Fills in.",
            List.of(clientId, jwks),
            List.of(
                new RegistrationWizardView.Choice("ACCEPT_ON_FIRST_SIGHT", "Record", "h", false),
                new RegistrationWizardView.Choice("REJECT_UNKNOWN", "Refuse", "h", true)),
            List.of(
                new RegistrationWizardView.Problem(
                    "jwksUri", "Rapport does not call an address on this server.")),
            null,
            values.of(PlatformKind.MOODLE),
            null);
    String html = pages.render("admin-lms-form", "Register an LMS: Moodle", view);
    assertTrue(html.contains("<a href=\"#jwksUri\">Rapport does not call"), html);
    assertTrue(
        html.contains(
            "<p class=\"field-error\" id=\"jwksUri-error\">Rapport does not call an address on"
                + " this server.</p>"),
        html);
    Matcher input = Pattern.compile("<input id=\"jwksUri\"[^>]*>").matcher(html);
    assertTrue(input.find(), html);
    assertTrue(
        input.group().contains("value=\"http://127.0.0.1/keys?a&#61;&quot;b&quot;\""),
        input.group());
    assertTrue(input.group().contains("aria-describedby=\"jwksUri-hint jwksUri-error\""));
    assertTrue(input.group().contains("aria-invalid=\"true\""));
    Matcher other = Pattern.compile("<input id=\"clientId\"[^>]*>").matcher(html);
    assertTrue(other.find());
    assertTrue(other.group().contains("value=\"abc123\""));
    assertFalse(other.group().contains("aria-invalid"));
    assertTrue(html.contains("value=\"REJECT_UNKNOWN\" checked"), html);
    assertTrue(html.contains("<code>https://rapport.example.edu/lti/login</code>"));
    assertEquals(1, count(html, "name=\"action\" value=\"save\""));
    assertEquals(1, count(html, "name=\"action\" value=\"fill\""));
  }

  @Test
  void theTestPageShowsTheLastLaunchAndItsReason() {
    RegistrationTestView view =
        new RegistrationTestView(
            7,
            "Moodle production",
            "Moodle",
            "https://moodle.example.edu",
            "abc",
            true,
            List.of("1"),
            "Registration saved.",
            values.of(PlatformKind.MOODLE),
            new RegistrationTestView.LastLaunch(
                42,
                "2026-12-05T22:00Z",
                false,
                null,
                null,
                "UNKNOWN_DEPLOYMENT",
                "The deployment id 9 is not registered."),
            null,
            "Development mode: not this one.");
    String html = pages.render("admin-lms-test", "Test Moodle production", view);
    assertTrue(html.contains("<strong>Refused</strong> (reference <code>L-42</code>)"), html);
    assertTrue(html.contains("<code>UNKNOWN_DEPLOYMENT</code>: The deployment id 9"));
    assertTrue(html.contains("href=\"/admin/lms/7/test\""));
    assertFalse(html.contains("id=\"dev-launch\""));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
