package org.rapport.lti.testdata;

import static org.rapport.lti.testdata.LmsHttpServer.body;
import static org.rapport.lti.testdata.LmsHttpServer.query;
import static org.rapport.lti.testdata.LmsHttpServer.respond;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The test LMS's OAuth 2 token endpoint and the access tokens it issued: it verifies Rapport's
 * client assertion (signature against Rapport's JWKS, iss, sub, aud, exp, jti never reused), counts
 * requests per scope set, and tells the service endpoints whether a call carries a live token with
 * the scope it needs. Whatever Rapport got wrong goes to the LMS's problem list.
 */
final class LmsTokenEndpoint {
  private final String base;
  private final Supplier<JWKSet> toolKeys;
  private final List<String> problems;
  private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
  private final Set<String> jtis = ConcurrentHashMap.newKeySet();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Set<String> tokensUsed = ConcurrentHashMap.newKeySet();
  private volatile Duration tokenLifetime = Duration.ofHours(1);

  /** An access token the platform issued. */
  private record Issued(Set<String> scopes, Instant expiresAt) {}

  LmsTokenEndpoint(String base, Supplier<JWKSet> toolKeys, List<String> problems) {
    this.base = base;
    this.toolKeys = toolKeys;
    this.problems = problems;
  }

  /** Tokens issued from now on live this long. */
  void lifetime(Duration lifetime) {
    tokenLifetime = lifetime;
  }

  Map<String, Integer> requests() {
    Map<String, Integer> counts = new HashMap<>();
    tokenRequests.forEach((scope, count) -> counts.put(scope, count.get()));
    return counts;
  }

  int requestsFor(String... scopes) {
    Set<String> wanted = Set.of(scopes);
    int total = 0;
    for (Map.Entry<String, AtomicInteger> entry : tokenRequests.entrySet()) {
      if (Set.of(entry.getKey().split(" ")).equals(wanted)) {
        total += entry.getValue().get();
      }
    }
    return total;
  }

  int usedFor(String... scopes) {
    Set<String> wanted = Set.of(scopes);
    return (int)
        tokensUsed.stream().map(tokens::get).filter(i -> i.scopes().equals(wanted)).count();
  }

  /** Verifies a JWT Rapport signed: RS256 with a key of Rapport's JWKS named by kid. */
  JWTClaimsSet verifiedByRapport(String token, String what) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new IllegalArgumentException(what + " is not RS256");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null) {
      throw new IllegalArgumentException(what + " has no kid header");
    }
    JWK jwk = toolKeys.get().getKeyByKeyId(kid);
    if (jwk == null) {
      throw new IllegalArgumentException(what + " names kid " + kid + ", not in Rapport's JWKS");
    }
    if (!jwt.verify(new RSASSAVerifier(jwk.toRSAKey()))) {
      throw new IllegalArgumentException(what + " has a bad signature");
    }
    return jwt.getJWTClaimsSet();
  }

  void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = query(body(exchange));
    String scope = form.getOrDefault("scope", "");
    tokenRequests.computeIfAbsent(scope, s -> new AtomicInteger()).incrementAndGet();
    List<String> wrong = new ArrayList<>();
    if (!"client_credentials".equals(form.get("grant_type"))) {
      wrong.add("grant_type is not client_credentials");
    }
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        .equals(form.get("client_assertion_type"))) {
      wrong.add("client_assertion_type is not jwt-bearer");
    }
    if (scope.isBlank()) {
      wrong.add("no scope");
    }
    Set<String> requested = new HashSet<>(List.of(scope.split(" ")));
    Set<String> known = new HashSet<>(LtiTestPlatform.ALL_AGS_SCOPES);
    known.add(LtiTestPlatform.NRPS_SCOPE);
    if (!known.containsAll(requested)) {
      wrong.add("unknown scope in " + scope);
    }
    try {
      JWTClaimsSet claims =
          verifiedByRapport(
              Objects.requireNonNullElse(form.get("client_assertion"), ""), "client assertion");
      Instant now = Instant.now();
      if (!LtiTestPlatform.CLIENT_ID.equals(claims.getIssuer())) {
        wrong.add("iss is " + claims.getIssuer());
      }
      if (!LtiTestPlatform.CLIENT_ID.equals(claims.getSubject())) {
        wrong.add("sub is " + claims.getSubject());
      }
      if (claims.getAudience() == null || !claims.getAudience().contains(base + "/token")) {
        wrong.add("aud is " + claims.getAudience());
      }
      if (claims.getExpirationTime() == null
          || !claims.getExpirationTime().toInstant().isAfter(now)
          || claims.getExpirationTime().toInstant().isAfter(now.plus(Duration.ofMinutes(10)))) {
        wrong.add("exp missing, past or too far: " + claims.getExpirationTime());
      }
      if (claims.getJWTID() == null || !jtis.add(claims.getJWTID())) {
        wrong.add("jti missing or reused: " + claims.getJWTID());
      }
    } catch (Exception e) {
      wrong.add(e.getMessage());
    }
    if (!wrong.isEmpty()) {
      problems.add("Token request: " + wrong);
      respond(exchange, 400, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    String token = "tok-" + UUID.randomUUID();
    Duration lifetime = tokenLifetime;
    tokens.put(token, new Issued(requested, Instant.now().plus(lifetime)));
    respond(
        exchange,
        200,
        "application/json",
        JSONObjectUtils.toJSONString(
            Map.of(
                "access_token",
                token,
                "token_type",
                "Bearer",
                "expires_in",
                lifetime.toSeconds(),
                "scope",
                scope)));
  }

  /** Whether the request carries a valid token with one of the scopes; answers 401 if not. */
  boolean authorized(HttpExchange exchange, String... anyOf) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Issued issued =
        header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
    boolean ok =
        issued != null
            && issued.expiresAt().isAfter(Instant.now())
            && List.of(anyOf).stream().anyMatch(issued.scopes()::contains);
    if (ok) {
      tokensUsed.add(header.substring(7));
    } else {
      problems.add(
          "Unauthorized call to "
              + exchange.getRequestURI()
              + (issued == null ? " (unknown token)" : " (expired or scope missing)"));
      respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
    }
    return ok;
  }
}
