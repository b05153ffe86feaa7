package org.rapport.lti.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.session.ServerSecrets;
import org.rapport.lti.session.SignedTokens;

/** Signed, first-party session cookies for the admin pages (admins use Rapport outside the LMS). */
@ApplicationScoped
public class AdminSessions {
  static final String COOKIE = "rapport_admin";
  private static final Duration LIFETIME = Duration.ofHours(8);

  @Inject ServerSecrets secrets;
  private SignedTokens tokens;

  @PostConstruct
  void init() {
    tokens = new SignedTokens(secrets.bytes("admin-session"), "rapport-admin", Clock.systemUTC());
  }

  NewCookie cookieFor(String username, boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value(tokens.issue(username, Map.of(), LIFETIME))
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge((int) LIFETIME.toSeconds())
        .build();
  }

  NewCookie expired(boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value("")
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .maxAge(0)
        .build();
  }

  Optional<String> verify(String token) {
    return tokens.verify(token).map(c -> c.getSubject());
  }
}
