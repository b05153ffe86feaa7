package org.rapport.lti.admin;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin gate's decision for one request, apart from HTTP: who is let through, or why not. A
 * request is let through with a live API token ({@code Authorization: Bearer}, for scripts;
 * browsers never attach it on their own, so it needs no CSRF defence) or a live admin session. A
 * state-changing request (anything but GET, HEAD and OPTIONS) on a session must also come from
 * Rapport's own origin ({@link SameOrigin}) and carry the session's CSRF token ({@link CsrfToken}).
 * HTTP Basic is refused: browsers cache Basic credentials and attach them to cross-site requests,
 * which would bypass both checks. Stateless and thread-safe when its two look-ups are.
 */
final class AdminAccess {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  static final String NO_CREDENTIALS =
      "Sign in on the administration pages, or send an API token"
          + " (Authorization: Bearer <token>) created there.";
  static final String BAD_TOKEN =
      "This API token is not valid or was revoked. Create a new one on the admin page.";
  static final String BASIC_REFUSED =
      "HTTP Basic authentication is not accepted. Create an API token on the admin page and"
          + " send it as Authorization: Bearer <token>.";
  static final String OTHER_SCHEME = "Send an API token as Authorization: Bearer <token>.";

  /** What the gate reads of a request; the CSRF token is read only when it is needed. */
  record Request(
      String method,
      String authorization,
      Optional<String> sessionCookie,
      String origin,
      String fetchSite,
      URI ownUrl,
      Supplier<Optional<String>> csrfToken) {}

  /** The gate's answer. */
  sealed interface Decision {}

  /** Let through as {@code username}; {@code csrfToken} is the session's (none for API tokens). */
  record Admitted(String username, Optional<String> csrfToken) implements Decision {}

  /** No credentials, or credentials that are not valid: 401 (or the sign-in page). */
  record Unauthenticated(String message, boolean sentCredentials) implements Decision {}

  /**
   * A signed-in session, but the request does not come from Rapport's own admin pages: 403. The
   * session's CSRF token still goes to the page that explains the refusal.
   */
  record Refused(SameOrigin.Refusal refusal, String csrfToken) implements Decision {}

  private final Function<String, Optional<String>> apiTokens;
  private final Function<String, Optional<AdminSessions.Active>> sessions;

  /**
   * @param apiTokens the administrator an API token value belongs to, when it is live
   * @param sessions the live session of a session cookie value
   */
  AdminAccess(
      Function<String, Optional<String>> apiTokens,
      Function<String, Optional<AdminSessions.Active>> sessions) {
    this.apiTokens = apiTokens;
    this.sessions = sessions;
  }

  /** {@link #authenticate}, then for a session {@link #originRefusal}: the whole gate. */
  Decision decide(Request request) {
    Decision decision = authenticate(request.authorization(), request.sessionCookie());
    if (decision instanceof Admitted admitted && admitted.csrfToken().isPresent()) {
      String csrfToken = admitted.csrfToken().get();
      return originRefusal(request, csrfToken)
          .<Decision>map(refusal -> new Refused(refusal, csrfToken))
          .orElse(admitted);
    }
    return decision;
  }

  /**
   * Who the credentials name: an API token when an {@code Authorization} header is sent, else the
   * session of the cookie. Nothing is looked up when neither is sent.
   */
  Decision authenticate(String authorization, Optional<String> sessionCookie) {
    if (authorization != null) {
      return authorization(authorization);
    }
    Optional<AdminSessions.Active> session = sessionCookie.flatMap(sessions);
    if (session.isEmpty()) {
      return new Unauthenticated(NO_CREDENTIALS, false);
    }
    return new Admitted(session.get().username(), Optional.of(session.get().csrfToken()));
  }

  /**
   * Why a request on a session whose CSRF token is {@code sessionCsrfToken} is refused: a
   * state-changing request from another origin, or without the session's CSRF token.
   */
  static Optional<SameOrigin.Refusal> originRefusal(Request request, String sessionCsrfToken) {
    if (SAFE_METHODS.contains(request.method())) {
      return Optional.empty();
    }
    Optional<SameOrigin.Refusal> refusal =
        SameOrigin.check(request.origin(), request.fetchSite(), request.ownUrl());
    if (refusal.isEmpty()) {
      Optional<String> token = request.csrfToken().get();
      if (token.isEmpty()) {
        refusal = Optional.of(SameOrigin.Refusal.NO_CSRF_TOKEN);
      } else if (!SecretDigest.sameValue(token.get(), sessionCsrfToken)) {
        refusal = Optional.of(SameOrigin.Refusal.WRONG_CSRF_TOKEN);
      }
    }
    return refusal;
  }

  private Decision authorization(String authorization) {
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return apiTokens
          .apply(authorization.substring(7).strip())
          .<Decision>map(admin -> new Admitted(admin, Optional.empty()))
          .orElse(new Unauthenticated(BAD_TOKEN, true));
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new Unauthenticated(BASIC_REFUSED, true);
    }
    return new Unauthenticated(OTHER_SCHEME, true);
  }
}
