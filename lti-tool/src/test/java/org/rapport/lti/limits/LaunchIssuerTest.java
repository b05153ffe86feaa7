package org.rapport.lti.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LaunchIssuerTest {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private static byte[] form(String token) {
    return ("state=s&id_token=" + token).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String unsigned(String claims) {
    return URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  @Test
  void theIssuerIsReadFromTheUnverifiedToken() {
    assertEquals(
        "https://lms.example.edu",
        LaunchIssuer.of(form(unsigned("{\"iss\":\"https://lms.example.edu\",\"sub\":\"a\"}"))));
  }

  @Test
  void aBodyWithoutAReadableIssuerSharesTheEmptyKey() {
    assertEquals("", LaunchIssuer.of(null));
    assertEquals("", LaunchIssuer.of("state=s".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("", LaunchIssuer.of(form("not-a-token")));
    assertEquals("", LaunchIssuer.of(form(unsigned("{\"iss\":42}"))));
    assertEquals("", LaunchIssuer.of(form(unsigned("[1,2]"))));
    assertEquals("", LaunchIssuer.of(form(unsigned("{\"sub\":\"a\"}"))));
  }
}
