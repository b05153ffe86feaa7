package org.rapport.lti.launch;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * The cookie binding an OIDC state to the browser: {@code SameSite=None; Secure; Partitioned} so it
 * survives the platform's cross-site form post inside an iframe where the browser allows it. One
 * cookie per login, named after the state, so parallel launches in several tabs do not collide.
 */
final class StateCookie {
  private static final String PREFIX = "lti_state_";
  private static final int MAX_AGE = (int) NonceRepository.LIFETIME.toSeconds();

  private StateCookie() {}

  static String name(String state) {
    String safe = state.replaceAll("[^A-Za-z0-9_-]", "");
    return PREFIX + safe.substring(0, Math.min(16, safe.length()));
  }

  /** Set-Cookie header value; JAX-RS has no attribute for Partitioned, so it is written here. */
  static String create(String state) {
    return name(state)
        + "="
        + state
        + "; Path=/lti; Max-Age="
        + MAX_AGE
        + "; HttpOnly; SameSite=None; Secure; Partitioned";
  }

  static Optional<String> read(HttpHeaders headers, String receivedState) {
    return read(
        name -> Optional.ofNullable(headers.getCookies().get(name)).map(Cookie::getValue),
        receivedState);
  }

  /**
   * The value of the cookie of {@code receivedState}, looked up by name in the request's cookies;
   * empty when the state is missing or the browser sent no cookie for it.
   */
  static Optional<String> read(
      java.util.function.Function<String, Optional<String>> cookieValue, String receivedState) {
    if (receivedState == null || receivedState.isBlank()) {
      return Optional.empty();
    }
    return cookieValue.apply(name(receivedState));
  }

  static String expire(String state) {
    return name(state) + "=; Path=/lti; Max-Age=0; HttpOnly; SameSite=None; Secure; Partitioned";
  }
}
