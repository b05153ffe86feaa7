package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.admin.AdminAudit;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.session.ServerSecrets;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.testdata.TestClock;

/** The session key rotates at most once per session lifetime, by the application clock. */
class RotateSessionKeyTest {
  private static final Duration LIFETIME = Duration.ofHours(8);

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final List<String> rotated = new ArrayList<>();
  private final List<AuditAction> audited = new ArrayList<>();
  private Optional<OffsetDateTime> lastRotation = Optional.empty();
  private boolean external;
  private RotateSessionKey rotation;

  @BeforeEach
  void wire() {
    rotation = new RotateSessionKey();
    rotation.clock = clock;
    rotation.settings =
        new RapportSettings() {
          @Override
          public Duration sessionLifetime() {
            return LIFETIME;
          }
        };
    rotation.secrets =
        new ServerSecrets() {
          @Override
          public boolean external(String name) {
            return external;
          }

          @Override
          public Optional<OffsetDateTime> lastRotation(String name) {
            return lastRotation;
          }

          @Override
          public void rotate(String name) {
            rotated.add(name);
            lastRotation = Optional.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
          }
        };
    rotation.audit =
        new AdminAudit() {
          @Override
          public void record(String admin, AuditAction action, Long registrationId, String d) {
            audited.add(action);
          }
        };
  }

  @Test
  void theFirstRotationAnswersUntilWhenThePreviousKeyVerifies() {
    OffsetDateTime until = rotation.rotate("admin ada");

    assertEquals(OffsetDateTime.parse("2026-03-01T17:00Z"), until);
    assertEquals(List.of(ToolSessions.KEY), rotated);
    assertEquals(List.of(AuditAction.SESSION_KEY_ROTATED), audited);
  }

  @Test
  void aSecondRotationWaitsForTheLifetimeOfTheFirstsTokensByTheApplicationClock() {
    rotation.rotate("admin ada");
    clock.advance(LIFETIME.minusMinutes(1));

    RotateSessionKey.Refused early =
        assertThrows(RotateSessionKey.Refused.class, () -> rotation.rotate("admin ada"));
    assertTrue(
        early.getMessage().endsWith("Rotate again after 2026-03-01T17:00Z."), early.getMessage());
    assertEquals(1, rotated.size());

    clock.advance(Duration.ofMinutes(1));
    assertEquals(OffsetDateTime.parse("2026-03-02T01:00Z"), rotation.rotate("admin ada"));
    assertEquals(2, rotated.size());
  }

  @Test
  void aConfiguredKeyIsRotatedInTheConfiguration() {
    external = true;

    RotateSessionKey.Refused refused =
        assertThrows(RotateSessionKey.Refused.class, () -> rotation.rotate("admin ada"));
    assertTrue(refused.getMessage().contains("comes from the configuration"), refused.getMessage());
    assertTrue(rotated.isEmpty());
    assertTrue(audited.isEmpty());
  }
}
