package org.rapport.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.session.ServerSecrets;
import org.rapport.lti.session.SignedTokens;
import org.rapport.lti.settings.RapportSettings;

/**
 * The session of a launched user: a signed token the pages carry in their links and forms (query
 * parameter {@code s}), so Rapport works in an LMS iframe whose third-party cookies are blocked.
 *
 * <p>The token holds nothing personal: only the id of a server-side {@link ToolSession} row and an
 * expiry. A URL that leaks (browser history, a screenshot, a proxy log) therefore names nobody, and
 * the session it points to ends when the same learner launches again from the same course or after
 * {@code rapport.session.idle-minutes} without use, whatever the token's own expiry says.
 */
@ApplicationScoped
public class ToolSessions {
  public static final String PARAMETER = "s";
  static final String SESSION_CLAIM = "sid";

  private static final Logger LOG = Logger.getLogger(ToolSessions.class.getName());

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** Deletes sessions ended (1st parameter) or last used (2nd) before a cutoff. */
  static final String SWEEP = "delete from tool_session where ended_at < ? or last_seen_at < ?";

  /** The server secret that signs session tokens; rotated by {@code SessionKeyResource}. */
  public static final String KEY = "tool-session";

  @Inject ServerSecrets secrets;
  @Inject RapportSettings settings;

  @Inject
  @ConfigProperty(name = "rapport.session.idle-minutes", defaultValue = "30")
  long idleMinutes;

  @Inject Clock clock;
  private SignedTokens tokens;

  @PostConstruct
  void init() {
    tokens = new SignedTokens(() -> secrets.keys(KEY), "rapport-session", clock);
  }

  /**
   * Opens the session row of an accepted launch, in the launch's transaction (one insert), so a
   * launch that rolls back leaves no session behind.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long open(LaunchedUser user) {
    ToolSession session =
        new ToolSession(user, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    em.persist(session);
    em.flush();
    return session.getId();
  }

  /** The token for an opened session: its id and an expiry, nothing else. */
  public String issue(long sessionId) {
    return tokens.issue(
        "session", Map.of(SESSION_CLAIM, String.valueOf(sessionId)), settings.sessionLifetime());
  }

  /**
   * The user the token's session belongs to, with name and course title as the database holds them
   * now; empty when the token is bad or expired or its session has ended.
   */
  @Transactional
  public Optional<LaunchedUser> verify(String token) {
    Optional<Long> id = tokens.verify(token).flatMap(ToolSessions::sessionId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.registration_id, s.learner_id, s.course_id, s.role, l.name, c.title,"
                    + " c.label, s.last_seen_at, s.ended_at,"
                    + " case when exists (select 1 from tool_session n"
                    + "   where n.learner_id = s.learner_id and n.id > s.id"
                    + "   and (n.course_id = s.course_id"
                    + "     or (n.course_id is null and s.course_id is null)))"
                    + " then 1 else 0 end"
                    + " from tool_session s join learner l on l.id = s.learner_id"
                    + " left join course c on c.id = s.course_id where s.id = ?")
            .setParameter(1, id.get())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    Instant now = clock.instant();
    SessionActivity activity =
        new SessionActivity(
            instant(row[7]), row[8] == null ? null : instant(row[8]), number(row[9]) == 1);
    Optional<SessionActivity.End> end = activity.endAt(now, idle());
    if (end.isPresent()) {
      LOG.fine(() -> "Session " + id.get() + " refused: " + end.get().sentence());
      return Optional.empty();
    }
    if (activity.worthTouching(now)) {
      em.createNativeQuery("update tool_session set last_seen_at = ? where id = ?")
          .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
          .setParameter(2, id.get())
          .executeUpdate();
    }
    String title = row[5] != null ? (String) row[5] : (String) row[6];
    return Optional.of(
        new LaunchedUser(
            number(row[0]),
            number(row[1]),
            row[2] == null ? null : number(row[2]),
            CourseRole.valueOf((String) row[3]),
            row[4] == null ? "" : (String) row[4],
            title == null ? "" : title));
  }

  /**
   * Deletes the sessions that ended, or were last used, before {@code cutoff}; answers how many.
   * The sweeper passes a cutoff older than any token's lifetime, so no deleted row could still be
   * in use; a newer session of the same learner is never younger than an older one's last use, so
   * deleting it cannot bring an older, superseded session back.
   */
  @Transactional
  public int sweep(Instant cutoff) {
    OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
    return em.createNativeQuery(SWEEP).setParameter(1, at).setParameter(2, at).executeUpdate();
  }

  Duration idle() {
    return Duration.ofMinutes(Math.max(1, idleMinutes));
  }

  private static Optional<Long> sessionId(JWTClaimsSet claims) {
    try {
      String sid = claims.getStringClaim(SESSION_CLAIM);
      return sid == null ? Optional.empty() : Optional.of(Long.parseLong(sid));
    } catch (java.text.ParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  /** H2 answers OffsetDateTime for TIMESTAMP WITH TIME ZONE, the PostgreSQL driver a Timestamp. */
  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.Instant i) {
      return i;
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return z.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
