package org.rapport.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When an invite can be used, decided against an injected clock (no waiting). */
class RegistrationInviteTest {
  private static final Instant MADE = Instant.parse("2026-03-01T09:00:00Z");

  private static RegistrationInvite invite(int days) {
    OffsetDateTime at = OffsetDateTime.ofInstant(MADE, ZoneOffset.UTC);
    return new RegistrationInvite("hash", "admin", at, at.plusDays(days), false);
  }

  private static Instant at(Clock clock) {
    return clock.instant();
  }

  @Test
  void anUnusedInviteWorksUntilItExpires() {
    RegistrationInvite invite = invite(7);
    Clock justBefore = Clock.fixed(MADE.plus(Duration.ofDays(7)).minusSeconds(1), ZoneOffset.UTC);
    assertEquals(Optional.empty(), invite.refusal(at(justBefore)));
  }

  @Test
  void anExpiredInviteIsRefused() {
    RegistrationInvite invite = invite(1);
    Clock atExpiry = Clock.fixed(MADE.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    Clock later = Clock.offset(atExpiry, Duration.ofDays(3));
    assertEquals(Optional.of(InviteRefusal.EXPIRED), invite.refusal(at(atExpiry)));
    assertEquals(Optional.of(InviteRefusal.EXPIRED), invite.refusal(at(later)));
  }

  @Test
  void aUsedInviteIsRefusedEvenBeforeItExpires() {
    RegistrationInvite invite = invite(30);
    invite.markUsed(OffsetDateTime.ofInstant(MADE.plusSeconds(60), ZoneOffset.UTC));
    assertEquals(Optional.of(InviteRefusal.USED), invite.refusal(MADE.plusSeconds(120)));
  }

  @Test
  void aRevokedInviteIsRefused() {
    RegistrationInvite invite = invite(30);
    invite.revoke("admin", OffsetDateTime.ofInstant(MADE.plusSeconds(60), ZoneOffset.UTC));
    assertEquals(Optional.of(InviteRefusal.REVOKED), invite.refusal(MADE.plusSeconds(120)));
  }

  @Test
  void everyRefusalIsAClientErrorThatSaysToAskForANewInvite() {
    for (InviteRefusal r : InviteRefusal.values()) {
      assertTrue(r.status() >= 400 && r.status() < 500, r.name());
      assertTrue(r.sentence().contains("new dynamic registration URL"), r.name());
    }
  }
}
