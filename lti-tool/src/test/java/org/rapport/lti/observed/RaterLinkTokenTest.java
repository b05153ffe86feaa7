package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RaterLinkTokenTest {
  private static final byte[] KEY = filled('k');
  private static final byte[] OTHER_KEY = filled('o');

  @Test
  void aSignedTokenVerifiesAndNamesItsRaterAndIssue() {
    String token = new RaterLinkToken(42, 3).sign(KEY);
    assertEquals(
        Optional.of(new RaterLinkToken(42, 3)), RaterLinkToken.verify(token, List.of(KEY)));
    assertTrue(token.startsWith("42.3."), token);
  }

  @Test
  void aTokenSignedWithAnotherKeyDoesNotVerify() {
    String token = new RaterLinkToken(42, 0).sign(OTHER_KEY);
    assertEquals(Optional.empty(), RaterLinkToken.verify(token, List.of(KEY)));
  }

  @Test
  void aTokenSignedBeforeARotationStillVerifiesWithThePreviousKey() {
    String token = new RaterLinkToken(7, 0).sign(OTHER_KEY);
    assertEquals(
        Optional.of(new RaterLinkToken(7, 0)),
        RaterLinkToken.verify(token, List.of(KEY, OTHER_KEY)));
  }

  @Test
  void changingTheRaterOrTheIssueBreaksTheSignature() {
    String token = new RaterLinkToken(42, 0).sign(KEY);
    String mac = token.substring(token.lastIndexOf('.') + 1);
    assertEquals(Optional.empty(), RaterLinkToken.verify("43.0." + mac, List.of(KEY)));
    assertEquals(Optional.empty(), RaterLinkToken.verify("42.1." + mac, List.of(KEY)));
  }

  @Test
  void differentRatersGetDifferentTokens() {
    assertNotEquals(new RaterLinkToken(1, 0).sign(KEY), new RaterLinkToken(2, 0).sign(KEY));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "42",
        "42.0",
        "0.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "-1.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "42.0.AAAA",
        "42.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "42.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
        "../../etc/passwd",
        "42.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.extra"
      })
  void malformedTokensAreRefused(String token) {
    assertEquals(Optional.empty(), RaterLinkToken.verify(token, List.of(KEY)));
  }

  @Test
  void aMissingOrHugeTokenIsRefused() {
    assertEquals(Optional.empty(), RaterLinkToken.verify(null, List.of(KEY)));
    assertEquals(Optional.empty(), RaterLinkToken.verify("1".repeat(10_000), List.of(KEY)));
  }

  private static byte[] filled(char c) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) c);
    return new String(key, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
  }
}
