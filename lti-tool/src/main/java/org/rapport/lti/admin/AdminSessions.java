package org.rapport.lti.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.settings.RapportSettings;

/**
 * Server-side sessions of the admin pages (administrators use Rapport outside the LMS, so a
 * first-party cookie works). The cookie is {@value #COOKIE}: {@code Secure}, {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Path=/}, no domain. Browsers do not store a {@code __Host-} or
 * {@code Secure} cookie that arrives over plain http, so in development mode over http (and only
 * then) the cookie is {@value #DEV_COOKIE} without {@code Secure}; outside development mode a
 * sign-in over http gets the secure cookie, which the browser drops: administrators must use https.
 */
@ApplicationScoped
public class AdminSessions {
  static final String COOKIE = "__Host-rapport-admin";
  static final String DEV_COOKIE = "rapport-admin-dev";

  @Inject
  @ConfigProperty(name = "rapport.admin.session-idle-minutes", defaultValue = "30")
  long idleMinutes;

  @Inject
  @ConfigProperty(name = "rapport.admin.session-max-hours", defaultValue = "8")
  long maxHours;

  @Inject RapportSettings settings;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Clock clock;

  /** A signed-in administrator's session as one request sees it. */
  public record Active(long id, String username, String csrfToken) {}

  /** A new session: the cookie value (shown once, to the browser) and the session. */
  record Opened(String cookieValue, Active session) {}

  @Transactional
  Opened open(String username) {
    OffsetDateTime now = now();
    String value = SecretDigest.randomToken();
    AdminSession session =
        new AdminSession(
            SecretDigest.sha256(value),
            username,
            SecretDigest.randomToken(),
            now,
            now.plus(Duration.ofHours(Math.max(1, maxHours))));
    em.persist(session);
    em.flush();
    return new Opened(value, active(session));
  }

  /**
   * The live session for a cookie value: not revoked, not past its absolute expiry, used within the
   * idle timeout and of an account that still exists. Using it moves the idle timeout on.
   */
  @Transactional
  Optional<Active> verify(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 200) {
      return Optional.empty();
    }
    OffsetDateTime now = now();
    Optional<AdminSession> found =
        em.createQuery("select s from AdminSession s where s.tokenHash = :h", AdminSession.class)
            .setParameter("h", SecretDigest.sha256(cookieValue))
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AdminSession session = found.get();
    if (!session.liveAt(now, idleTimeout())) {
      session.revoke(now);
      return Optional.empty();
    }
    long accounts =
        em.createQuery("select count(a) from AdminAccount a where a.username = :u", Long.class)
            .setParameter("u", session.username())
            .getSingleResult();
    if (accounts == 0) {
      session.revoke(now);
      return Optional.empty();
    }
    session.seen(now);
    return Optional.of(active(session));
  }

  /** Ends the session of this cookie value (sign-out). */
  @Transactional
  void revoke(String cookieValue) {
    if (cookieValue == null) {
      return;
    }
    OffsetDateTime now = now();
    em.createQuery("select s from AdminSession s where s.tokenHash = :h", AdminSession.class)
        .setParameter("h", SecretDigest.sha256(cookieValue))
        .getResultList()
        .forEach(s -> s.revoke(now));
  }

  /** Ends every session of an account (its removal). */
  @Transactional
  public void revokeAllOf(String username) {
    OffsetDateTime now = now();
    em.createQuery(
            "select s from AdminSession s where s.username = :u and s.revokedAt is null",
            AdminSession.class)
        .setParameter("u", username)
        .getResultList()
        .forEach(s -> s.revoke(now));
  }

  Duration idleTimeout() {
    return Duration.ofMinutes(Math.max(1, idleMinutes));
  }

  /** The session cookie value the request carries, if any. */
  Optional<String> cookieValue(Map<String, Cookie> cookies) {
    Cookie cookie = cookies.get(COOKIE);
    if (cookie == null && settings.devMode()) {
      cookie = cookies.get(DEV_COOKIE);
    }
    return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> !v.isBlank());
  }

  /** {@link #cookieValue(Map)} from cookie values by name. */
  Optional<String> sessionCookieValue(Map<String, String> cookies) {
    String value = cookies.get(COOKIE);
    if (value == null && settings.devMode()) {
      value = cookies.get(DEV_COOKIE);
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  NewCookie cookieFor(String value, boolean secureRequest) {
    return builder(secureRequest).value(value).build();
  }

  NewCookie expired(boolean secureRequest) {
    return builder(secureRequest).value("").maxAge(0).build();
  }

  private NewCookie.Builder builder(boolean secureRequest) {
    // The development name only when both hold: dev mode and a plain-http request. No max-age:
    // the cookie ends with the browser, and the server ends the session earlier.
    boolean dev = settings.devMode() && !secureRequest;
    return new NewCookie.Builder(dev ? DEV_COOKIE : COOKIE)
        .path("/")
        .httpOnly(true)
        .secure(!dev)
        .sameSite(NewCookie.SameSite.STRICT);
  }

  private Active active(AdminSession session) {
    return new Active(sessionId(session), session.username(), session.csrfToken());
  }

  private static long sessionId(AdminSession session) {
    Long id = session.id();
    return id == null ? 0 : id;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
