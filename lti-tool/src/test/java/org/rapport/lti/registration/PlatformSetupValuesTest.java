package org.rapport.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The values each LMS's set-up instructions give an administrator to paste. */
class PlatformSetupValuesTest {
  private final PlatformSetupValues values =
      new PlatformSetupValues(URI.create("https://rapport.example.edu"));

  /**
   * Canvas's set-up values also carry its developer-key JSON, which needs a JSON provider the unit
   * tests lack; the wizard's browser test shows Canvas's page.
   */
  @ParameterizedTest
  @EnumSource(value = PlatformKind.class, names = "CANVAS", mode = EnumSource.Mode.EXCLUDE)
  void everyLmsGetsRapportsOwnAddressesAndAWordOnCustomParameters(PlatformKind kind) {
    PlatformSetupValues.Platform platform = values.of(kind);
    List<String> all = platform.values().stream().map(PlatformSetupValues.Value::value).toList();
    assertTrue(all.contains("https://rapport.example.edu/lti/login"), all.toString());
    assertTrue(all.contains("https://rapport.example.edu/.well-known/jwks.json"), all.toString());
    assertTrue(all.contains("https://rapport.example.edu/lti/launch"), all.toString());
    assertTrue(
        platform.values().stream()
            .anyMatch(v -> v.label().toLowerCase(java.util.Locale.ROOT).startsWith("custom")),
        kind + " says which custom parameters to set");
    assertEquals(kind.name().toLowerCase(java.util.Locale.ROOT), platform.id());
  }

  /**
   * Blackboard's @X@user.batch_uid@X@ is the user's external person key: mapped into
   * rapport_matriculation_year it would put every student into a nonsense cohort.
   */
  @Test
  void blackboardNeverMapsAUserFieldIntoTheMatriculationYear() {
    for (PlatformKind kind :
        List.of(
            PlatformKind.MOODLE,
            PlatformKind.BLACKBOARD,
            PlatformKind.D2L,
            PlatformKind.SAKAI,
            PlatformKind.OTHER)) {
      PlatformSetupValues.Platform platform = values.of(kind);
      for (PlatformSetupValues.Value value : platform.values()) {
        assertFalse(
            value.value().matches("(?s).*rapport_matriculation_year=[@$].*"),
            platform.name() + " " + value.label() + ": " + value.value());
      }
    }
    String blackboard =
        values.of(PlatformKind.BLACKBOARD).values().stream()
            .filter(v -> v.label().equals("Custom Parameters"))
            .findFirst()
            .orElseThrow()
            .value();
    assertTrue(blackboard.startsWith("None needed. Leave rapport_matriculation_year out"));
  }
}
