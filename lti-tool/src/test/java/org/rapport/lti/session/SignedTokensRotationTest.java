package org.rapport.lti.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.TestClock;

class SignedTokensRotationTest {
  private final byte[] oldKey = key(1);
  private final byte[] newKey = key(2);
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));

  @Test
  void aTokenSignedBeforeARotationVerifiesUntilItExpiresAndNewTokensUseTheNewKey() {
    AtomicReference<List<byte[]>> ring = new AtomicReference<>(List.of(oldKey));
    SignedTokens tokens = new SignedTokens(ring::get, "rapport-session", clock);
    String before = tokens.issue("42", Map.of(), Duration.ofMinutes(120));

    ring.set(List.of(newKey, oldKey));
    String after = tokens.issue("43", Map.of(), Duration.ofMinutes(120));
    assertEquals("42", tokens.verify(before).orElseThrow().getSubject());
    assertEquals("43", tokens.verify(after).orElseThrow().getSubject());
    assertTrue(
        new SignedTokens(newKey, "rapport-session", clock).verify(after).isPresent(),
        "signed with the new key");
    assertTrue(
        new SignedTokens(oldKey, "rapport-session", clock).verify(after).isEmpty(),
        "not with the old one");

    clock.advance(Duration.ofMinutes(121));
    ring.set(List.of(newKey));
    assertTrue(tokens.verify(before).isEmpty(), "the old key is gone and the token expired");
  }

  @Test
  void aTokenOfAKeyNoLongerInTheRingIsRefused() {
    String forged =
        new SignedTokens(key(9), "rapport-session", clock)
            .issue("1", Map.of(), Duration.ofMinutes(5));
    SignedTokens tokens = new SignedTokens(() -> List.of(newKey, oldKey), "rapport-session", clock);
    assertTrue(tokens.verify(forged).isEmpty());
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }
}
