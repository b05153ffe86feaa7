package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The cookie that binds an OIDC state to the browser that started the login. */
class StateCookieTest {
  private static final String STATE = "Vq3kT9xZ_a-bcDEfgh1234567890zz";

  @Test
  void theCookieIsCrossSiteCapableButScriptProofAndLivesAsLongAsTheNonce() {
    String header = StateCookie.create(STATE);
    assertTrue(header.startsWith(StateCookie.name(STATE) + "=" + STATE + ";"), header);
    List<String> attributes = Arrays.stream(header.split(";\\s*")).skip(1).toList();
    assertEquals(
        List.of(
            "Path=/lti",
            "Max-Age=" + NonceRepository.LIFETIME.toSeconds(),
            "HttpOnly",
            "SameSite=None",
            "Secure",
            "Partitioned"),
        attributes);
  }

  @Test
  void eachStateHasACookieOfItsOwnSoParallelLoginsDoNotCollide() {
    String other = "Wq3kT9xZ_a-bcDEfgh1234567890zz";
    assertFalse(StateCookie.name(STATE).equals(StateCookie.name(other)));
    assertEquals("lti_state_Vq3kT9xZ_a-bcDEf", StateCookie.name(STATE), "the first 16 characters");
  }

  @Test
  void charactersThatCouldBreakTheHeaderNeverReachTheCookieName() {
    String name = StateCookie.name("a;b=c d\r\nSet-Cookie:x");
    assertTrue(name.matches("lti_state_[A-Za-z0-9_-]*"), name);
  }

  @Test
  void theCookieOfTheReceivedStateIsRead() {
    assertEquals(
        Optional.of(STATE),
        StateCookie.read(headers(cookie(StateCookie.name(STATE), STATE)), STATE));
  }

  @Test
  void aLoginStartedInAnotherBrowserHasNoCookieHere() {
    assertEquals(Optional.empty(), StateCookie.read(headers(), STATE));
    String other = "Zz9kT9xZ_a-bcDEfgh1234567890zz";
    assertEquals(
        Optional.empty(),
        StateCookie.read(headers(cookie(StateCookie.name(other), other)), STATE),
        "another login's cookie does not answer for this state");
  }

  @Test
  void aMissingOrBlankStateReadsNoCookie() {
    Sent any = cookie(StateCookie.name(""), "");
    assertEquals(Optional.empty(), StateCookie.read(headers(any), null));
    assertEquals(Optional.empty(), StateCookie.read(headers(any), " "));
  }

  @Test
  void aCookieWhoseValueWasReplacedIsReadAsItIsForTheLaunchToCompare() {
    // The launch compares the value with the state it receives; the reader must not "fix" it.
    Sent forged = cookie(StateCookie.name(STATE), STATE + "x");
    assertEquals(Optional.of(STATE + "x"), StateCookie.read(headers(forged), STATE));
  }

  @Test
  void expiringClearsTheSameCookieAtOnce() {
    String header = StateCookie.expire(STATE);
    assertTrue(header.startsWith(StateCookie.name(STATE) + "=;"), header);
    assertTrue(header.contains("Max-Age=0"), header);
    assertTrue(header.contains("Path=/lti"), header);
  }

  private record Sent(String name, String value) {}

  private static Sent cookie(String name, String value) {
    return new Sent(name, value);
  }

  /** The cookies a browser sent, by name. */
  private static Function<String, Optional<String>> headers(Sent... cookies) {
    Map<String, String> byName = new HashMap<>();
    for (Sent c : cookies) {
      byName.put(c.name(), c.value());
    }
    return name -> Optional.ofNullable(byName.get(name));
  }
}
