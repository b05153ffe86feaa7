package org.rapport.lti.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LaunchFailureTest {

  @ParameterizedTest
  @EnumSource(LaunchFailure.class)
  void eachFailureHasAnActionableSentence(LaunchFailure failure) {
    String sentence = failure.sentence();
    assertTrue(sentence.length() > 40, failure + " is too short to act on");
    assertTrue(sentence.endsWith("."), failure + " does not end a sentence");
    assertTrue(Character.isUpperCase(sentence.charAt(0)), failure + " does not start a sentence");
  }

  @Test
  void sentencesAreDistinct() {
    long distinct =
        Arrays.stream(LaunchFailure.values()).map(LaunchFailure::sentence).distinct().count();
    assertEquals(LaunchFailure.values().length, distinct);
  }

  @Test
  void rejectionDetailIsSafeToLog() {
    LaunchRejected rejected =
        new LaunchRejected(
            LaunchFailure.ISSUER_UNKNOWN,
            "iss " + LaunchRejected.quote("https://x\r\nINFO forged log line" + "y".repeat(1000)));

    assertFalse(rejected.detail().contains("\n"));
    assertFalse(rejected.detail().contains("\r"));
    assertTrue(rejected.detail().length() <= 501);
    assertTrue(rejected.getMessage().startsWith("ISSUER_UNKNOWN: "));
  }
}
