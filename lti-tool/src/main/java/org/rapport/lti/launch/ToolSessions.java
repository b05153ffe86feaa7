package org.rapport.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.session.ServerSecrets;
import org.rapport.lti.session.SignedTokens;
import org.rapport.lti.settings.RapportSettings;

/**
 * The session of a launched user: a signed token the pages carry in their links and forms (query
 * parameter {@code s}), so Rapport works in an LMS iframe whose third-party cookies are blocked.
 */
@ApplicationScoped
public class ToolSessions {
  public static final String PARAMETER = "s";

  @Inject ServerSecrets secrets;
  @Inject RapportSettings settings;
  private SignedTokens tokens;

  @PostConstruct
  void init() {
    tokens = new SignedTokens(secrets.bytes("tool-session"), "rapport-session", Clock.systemUTC());
  }

  public String issue(LaunchedUser user) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("reg", user.registrationId());
    if (user.courseId() != null) {
      claims.put("course", user.courseId());
    }
    claims.put("role", user.role().name());
    claims.put("name", user.name());
    claims.put("courseTitle", user.courseTitle());
    return tokens.issue(String.valueOf(user.learnerId()), claims, settings.sessionLifetime());
  }

  public Optional<LaunchedUser> verify(String token) {
    return tokens.verify(token).flatMap(ToolSessions::toUser);
  }

  private static Optional<LaunchedUser> toUser(JWTClaimsSet claims) {
    try {
      Long course = claims.getLongClaim("course");
      return Optional.of(
          new LaunchedUser(
              claims.getLongClaim("reg"),
              Long.parseLong(claims.getSubject()),
              course,
              CourseRole.valueOf(claims.getStringClaim("role")),
              claims.getStringClaim("name"),
              claims.getStringClaim("courseTitle")));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
