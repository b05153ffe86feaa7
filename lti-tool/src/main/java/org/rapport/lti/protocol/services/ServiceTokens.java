package org.rapport.lti.protocol.services;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.rapport.lti.protocol.keys.ToolKey;

/**
 * Access tokens for the platform's services by the client-credentials grant with a JWT client
 * assertion (1EdTech Security Framework 1.0 §4.1; RFC 6749 §4.4; RFC 7523 §2.2): {@code
 * grant_type=client_credentials}, {@code client_assertion_type=...jwt-bearer}, the {@link
 * ClientAssertion}, and the space-separated {@code scope}.
 *
 * <p>Tokens are cached per (registration, token endpoint, scope set) and reused until {@link
 * #margin(Duration)} before they expire; concurrent callers for the same key wait for one request
 * instead of each asking. A token the platform refused with 401 is dropped with {@link
 * #invalidate}. Tokens live in memory only, never in the database or a log.
 */
public final class ServiceTokens {
  /** Assumed lifetime when the platform's answer has no {@code expires_in}. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  private final ServiceHttp http;
  private final Supplier<ToolKey> signingKey;
  private final Clock clock;
  private final Map<Key, AccessToken> cache = new ConcurrentHashMap<>();
  private final Map<Key, Object> locks = new ConcurrentHashMap<>();

  private record Key(long registrationId, URI tokenEndpoint, Set<String> scopes) {
    static Key of(TokenRequest request) {
      return new Key(request.registrationId(), request.tokenEndpoint(), request.scopes());
    }
  }

  public ServiceTokens(ServiceHttp http, Supplier<ToolKey> signingKey, Clock clock) {
    this.http = http;
    this.signingKey = signingKey;
    this.clock = clock;
  }

  /**
   * A token for the request's scopes: the cached one while it is usable, otherwise a new one.
   *
   * @throws ServiceCallFailed when the token endpoint does not answer or refuses; {@linkplain
   *     ServiceCallFailed#isRegistrationWide() registration-wide}
   */
  public AccessToken token(TokenRequest request) {
    Key key = Key.of(request);
    AccessToken cached = cache.get(key);
    if (cached != null && cached.usableAt(clock.instant())) {
      return cached;
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      cached = cache.get(key);
      if (cached != null && cached.usableAt(clock.instant())) {
        return cached;
      }
      AccessToken fresh = fetch(request);
      cache.put(key, fresh);
      return fresh;
    }
  }

  /** Forgets {@code refused} (the platform answered 401 to it), unless already replaced. */
  public void invalidate(TokenRequest request, AccessToken refused) {
    cache.remove(Key.of(request), refused);
  }

  /** How long before expiry a token stops being used: a fifth of its lifetime, at most 60 s. */
  public static Duration margin(Duration lifetime) {
    Duration fifth = lifetime.dividedBy(5);
    return fifth.compareTo(MAX_MARGIN) < 0 ? fifth : MAX_MARGIN;
  }

  private AccessToken fetch(TokenRequest request) {
    Instant now = clock.instant();
    String assertion =
        ClientAssertion.sign(request.clientId(), request.tokenEndpoint(), signingKey.get(), now);
    String form =
        "grant_type=client_credentials"
            + "&client_assertion_type="
            + encode(ClientAssertion.TYPE)
            + "&client_assertion="
            + encode(assertion)
            + "&scope="
            + encode(request.scopeParameter());
    String what = "The LMS token endpoint " + request.tokenEndpoint();
    try {
      ServiceHttp.Answer answer =
          http.exchange(
              ServiceHttp.request(request.tokenEndpoint())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              what);
      return parse(answer.body(), request, now, what);
    } catch (ServiceCallFailed failure) {
      throw failure.registrationWide();
    }
  }

  static AccessToken parse(String body, TokenRequest request, Instant now, String what) {
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      throw ServiceCallFailed.permanent(what + " answered something that is not a JSON object");
    }
    Object value = json.get("access_token");
    if (!(value instanceof String token) || token.isBlank()) {
      throw ServiceCallFailed.permanent(what + " answered without an access_token");
    }
    Object type = json.get("token_type");
    if (type != null && !"bearer".equalsIgnoreCase(String.valueOf(type))) {
      throw ServiceCallFailed.permanent(
          what + " answered token_type " + type + "; LTI services need token_type Bearer");
    }
    Duration lifetime = lifetime(json.get("expires_in"));
    Set<String> scopes = request.scopes();
    if (json.get("scope") instanceof String granted && !granted.isBlank()) {
      scopes = new LinkedHashSet<>(Arrays.asList(granted.strip().split("\\s+")));
    }
    Instant expiresAt = now.plus(lifetime);
    return new AccessToken(token, scopes, expiresAt, expiresAt.minus(margin(lifetime)));
  }

  private static Duration lifetime(Object expiresIn) {
    long seconds;
    if (expiresIn instanceof Number number) {
      seconds = number.longValue();
    } else if (expiresIn instanceof String text && text.strip().matches("[0-9]{1,9}")) {
      seconds = Long.parseLong(text.strip());
    } else {
      return DEFAULT_LIFETIME;
    }
    return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
