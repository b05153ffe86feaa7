package org.rapport.lti.testdata;

import static org.rapport.lti.testdata.LmsHttpServer.body;
import static org.rapport.lti.testdata.LmsHttpServer.query;
import static org.rapport.lti.testdata.LmsHttpServer.respond;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test suite's LMS: an LTI Advantage platform on the JDK's HTTP server at 127.0.0.1 (random
 * port). It signs id_tokens with a key of its own (rotatable; or a fixed {@link TestKeys} key) and
 * publishes them in a JWKS; its OIDC authorization endpoint signs a launch the test described
 * ({@link LaunchSpec}, selected by {@code lti_message_hint}) or, for a browser's launch from its
 * course page, a learner launch of whoever logs in; a token endpoint verifies Rapport's client
 * assertion (signature against Rapport's JWKS, iss, sub, aud, exp, jti never reused) and counts
 * requests per scope set; AGS line-item, score and result endpoints (which can be told to be down,
 * with or without Retry-After, or slow), a paged NRPS membership endpoint, a deep-link return
 * endpoint that verifies Rapport's response and creates the links and line items it asks for, a
 * course page that embeds Rapport and answers platform-storage messages, and the OpenID
 * configuration and registration endpoints of LTI Dynamic Registration.
 *
 * <p>A test can script any path ({@link #answer}) to make the LMS hostile or broken there, and read
 * every request it received ({@link #requests}). Its collaborators: {@link LmsHttpServer} (the HTTP
 * side), {@link TestKeys} (keys and signing), {@link LmsTokenEndpoint}, {@link LmsGradebook} (AGS),
 * {@link LmsRegistrationEndpoints}, and {@link LaunchSteps} (the browser's side of a launch).
 */
public final class LtiTestPlatform implements AutoCloseable {
  public static final String CLIENT_ID = "rapport-test-client";
  public static final String DEPLOYMENT_ID = "test-deployment-1";
  public static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  public static final List<String> ALL_AGS_SCOPES =
      List.of(AGS + "lineitem", AGS + "lineitem.readonly", AGS + "result.readonly", AGS + "score");
  public static final String NRPS_SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  public static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  public static final int NRPS_PAGE_SIZE = 100;

  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
  private static final String NRPS_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  /** For an LMS started without Rapport's key set: it cannot check what Rapport signs. */
  private static final Supplier<JWKSet> NO_TOOL_KEYS =
      () -> {
        throw new IllegalStateException("this test LMS was started without Rapport's key set");
      };

  private final LmsHttpServer http;
  private final LmsTokenEndpoint tokens;
  private final LmsRegistrationEndpoints registrationEndpoints;
  private final LmsGradebook gradebook;
  private final String base;

  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private volatile RSAKey signing;
  private volatile String jwksCacheControl;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final List<String> authProblems = new CopyOnWriteArrayList<>();

  private final Map<String, LaunchSpec> pending = new ConcurrentHashMap<>();

  /** The data of each deep-linking request sent, with its context, until echoed back. */
  private final Map<Object, String> deepLinkData = new ConcurrentHashMap<>();

  private final Map<String, List<MemberRecord>> rosters = new ConcurrentHashMap<>();
  private final AtomicInteger nrpsPages = new AtomicInteger();

  private final List<DeepLinkReturn> deepLinkReturns = new CopyOnWriteArrayList<>();
  private final AtomicInteger resourceLinkIds = new AtomicInteger();

  /** Everything the platform found wrong in what Rapport sent; a test asserts it stays empty. */
  private final List<String> problems = new CopyOnWriteArrayList<>();

  /** A gradebook column. */
  public record LineItemRecord(
      String id,
      String contextId,
      String label,
      double scoreMaximum,
      String resourceLinkId,
      String resourceId,
      String tag) {}

  /** A score the platform accepted. */
  public record ScoreRecord(
      String lineItemId, String userId, String timestamp, Map<String, Object> json) {}

  /** A member of a course on the platform. */
  public record MemberRecord(
      String userId, String name, String email, List<String> roles, String status) {}

  /** A verified deep-linking response and the resource links it created. */
  public record DeepLinkReturn(
      Map<String, Object> claims, List<Map<String, Object>> items, List<CreatedLink> links) {}

  /** A resource link the platform created from a deep-linking response. */
  public record CreatedLink(String id, String title, String url, String lineItemId) {}

  private LtiTestPlatform(Supplier<JWKSet> toolKeys, RSAKey signingKey) {
    this.signing = signingKey;
    published.add(signingKey);
    http = LmsHttpServer.start(this::handle);
    base = http.base();
    tokens = new LmsTokenEndpoint(base, toolKeys, problems);
    registrationEndpoints = new LmsRegistrationEndpoints(base);
    gradebook = new LmsGradebook(this::lineItemsUrl, tokens, rosters, problems);
  }

  /** An LMS with a new key of its own, for tests that do not check Rapport's signatures. */
  public static LtiTestPlatform start() {
    return startWith(TestKeys.fresh("lms-" + UUID.randomUUID()));
  }

  /** An LMS signing with {@code key} (a fixed {@link TestKeys} key: nothing to generate). */
  public static LtiTestPlatform startWith(RSAKey key) {
    return new LtiTestPlatform(NO_TOOL_KEYS, key);
  }

  /** An LMS checking what Rapport signs against the given tool key set. */
  public static LtiTestPlatform start(Supplier<JWKSet> toolKeys) {
    return new LtiTestPlatform(toolKeys, TestKeys.fresh("lms-" + UUID.randomUUID()));
  }

  /** A platform checking assertions against Rapport's published JWKS. */
  public static LtiTestPlatform forRapport(RapportClient rapport) {
    return forRapport(() -> rapport);
  }

  /**
   * As {@link #forRapport(RapportClient)}, for a Rapport whose address changes (restarts): the key
   * set last read is used while the current address does not answer (a new process may call before
   * the test learns its address; the keys live in the shared database).
   */
  public static LtiTestPlatform forRapport(Supplier<RapportClient> rapport) {
    HttpClient http = HttpClient.newHttpClient();
    java.util.concurrent.atomic.AtomicReference<JWKSet> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    return start(
        () -> {
          try {
            URI jwks = rapport.get().uri("/.well-known/jwks.json");
            JWKSet keys =
                JWKSet.parse(
                    http.send(
                            HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body());
            last.set(keys);
            return keys;
          } catch (Exception e) {
            if (last.get() != null) {
              return last.get();
            }
            throw new IllegalStateException("Could not read Rapport's JWKS", e);
          }
        });
  }

  @Override
  public void close() {
    http.close();
  }

  // ---- addresses and registration ----

  public String issuer() {
    return base;
  }

  public URI uri(String path) {
    return http.uri(path);
  }

  public URI jwksUri() {
    return uri("/jwks");
  }

  public URI tokenEndpoint() {
    return URI.create(base + "/token");
  }

  public URI lineItemsUrl(String contextId) {
    return URI.create(base + "/ags/" + contextId + "/lineitems");
  }

  public URI membershipsUrl(String contextId) {
    return URI.create(base + "/nrps/" + contextId + "/memberships");
  }

  /** The JSON body that registers this platform through Rapport's admin API. */
  public String registrationJson(String name) {
    return """
        {"name": "%s", "platformKind": "OTHER", "issuer": "%s", "clientId": "%s",
         "authEndpoint": "%s/auth", "tokenEndpoint": "%s/token", "jwksUri": "%s/jwks",
         "deploymentPolicy": "ACCEPT_ON_FIRST_SIGHT"}
        """
        .formatted(name, base, CLIENT_ID, base, base, base);
  }

  /** As {@link #registrationJson(String)}, for another client id and deployment policy. */
  public String registrationJson(String name, String clientId, String policy) {
    return """
        {"name": "%s", "platformKind": "OTHER", "issuer": "%s", "clientId": "%s",
         "authEndpoint": "%s/auth", "tokenEndpoint": "%s/token", "jwksUri": "%s/jwks",
         "deploymentPolicy": "%s"}
        """
        .formatted(name, base, clientId, base, base, base, policy);
  }

  // ---- keys ----

  /** Publishes a new key and signs with it from now on (the old keys stay published). */
  public RSAKey rotate(String kid) {
    RSAKey next = TestKeys.fresh(kid);
    published.add(next);
    signing = next;
    return next;
  }

  /** Publishes exactly these keys (their public parts) from now on; signing is unchanged. */
  public void publish(JWK... keys) {
    published.clear();
    published.addAll(List.of(keys));
  }

  /** The Cache-Control header of the JWKS answer (none by default). */
  public void cacheControl(String header) {
    jwksCacheControl = header;
  }

  public RSAKey signingKey() {
    return signing;
  }

  /** Signs with the LMS's current key. */
  public String sign(JWTClaimsSet claims) {
    return TestKeys.sign(claims, signing);
  }

  /** The claims of a valid resource-link launch of {@code clientId} into {@code target}. */
  public JWTClaimsSet.Builder launchClaims(
      String clientId, String subject, String nonce, String target) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(base)
        .audience(clientId)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Test " + subject)
        .claim(LTI + "message_type", "LtiResourceLinkRequest")
        .claim(LTI + "version", "1.3.0")
        .claim(LTI + "deployment_id", DEPLOYMENT_ID)
        .claim(LTI + "target_link_uri", target)
        .claim(LTI + "resource_link", Map.of("id", "link-1", "title", "Rapport"))
        .claim(LTI + "roles", List.of(LEARNER))
        .claim(LTI + "context", Map.of("id", "course-1", "title", "Clinical Skills 1"));
  }

  // ---- scripted answers and recorded requests ----

  /** Requests for exactly this path are answered by {@code handler} (a hostile or broken LMS). */
  public void answer(String path, HttpHandler handler) {
    http.answer(path, handler);
  }

  /** Requests for exactly this path get this answer. */
  public void answer(String path, int status, String contentType, String body) {
    http.answer(path, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The path answers as the LMS's own again. */
  public void forget(String path) {
    http.forget(path);
  }

  /** The requests received for this path, oldest first. */
  public List<RecordedRequest> requests(String path) {
    return http.requests(path);
  }

  // ---- behaviour switches ----

  /** Tokens issued from now on live this long. */
  public void tokenLifetime(Duration lifetime) {
    tokens.lifetime(lifetime);
  }

  /** Score and line-item calls answer {@code status} (with Retry-After if given) for a while. */
  public void outage(int status, Duration length, String retryAfter) {
    gradebook.outage(status, length, retryAfter);
  }

  public void endOutage() {
    gradebook.endOutage();
  }

  /** Each score post takes this long to answer (a slow LMS). */
  public void scoreDelay(Duration delay) {
    gradebook.scoreDelay(delay);
  }

  /** The course's roster; scores are accepted only for its active members. */
  public void roster(String contextId, List<MemberRecord> members) {
    rosters.put(contextId, new CopyOnWriteArrayList<>(members));
  }

  public void removeMember(String contextId, String userId) {
    rosters.get(contextId).removeIf(m -> m.userId().equals(userId));
  }

  public void addMember(String contextId, MemberRecord member) {
    rosters.computeIfAbsent(contextId, c -> new CopyOnWriteArrayList<>()).add(member);
  }

  /** A line item the platform made itself (as for a link created by an instructor). */
  public LineItemRecord createLineItem(
      String contextId, String label, String resourceLinkId, String resourceId, String tag) {
    return gradebook.add(contextId, label, 1, resourceLinkId, resourceId, tag);
  }

  // ---- what the platform saw ----

  /** Token requests per scope set (the scope parameter as sent). */
  public Map<String, Integer> tokenRequests() {
    return tokens.requests();
  }

  public int tokenRequestsFor(String... scopes) {
    return tokens.requestsFor(scopes);
  }

  /**
   * Distinct access tokens with exactly these scopes that a service call presented. A token request
   * whose answer Rapport gave up waiting for counts in {@link #tokenRequestsFor} but not here.
   */
  public int tokensUsedFor(String... scopes) {
    return tokens.usedFor(scopes);
  }

  public List<ScoreRecord> scores() {
    return gradebook.scores();
  }

  /** Score posts received, accepted or not. */
  public int scoreAttempts() {
    return gradebook.scoreAttempts();
  }

  /** Result reads answered (GET {lineitem}/results). */
  public int resultReads() {
    return gradebook.resultReads();
  }

  /**
   * Records a score as if it had been posted and accepted, for a test that simulates a post whose
   * answer Rapport never recorded.
   */
  public void acceptScore(String lineItemId, String userId, String timestamp) {
    gradebook.acceptScore(lineItemId, userId, timestamp);
  }

  /** AGS calls (line items, scores and results) answered with the outage status. */
  public int outageAnswers() {
    return gradebook.outageAnswers();
  }

  public int scoresRefused() {
    return gradebook.scoresRefused();
  }

  public List<LineItemRecord> lineItems() {
    return gradebook.lineItems();
  }

  public int nrpsPageRequests() {
    return nrpsPages.get();
  }

  public List<DeepLinkReturn> deepLinkReturns() {
    return List.copyOf(deepLinkReturns);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Key set reads. */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  /** Dynamic registration requests accepted (their bodies). */
  public List<String> registrationRequests() {
    return registrationEndpoints.requests();
  }

  /** What was wrong with authentication requests of browser launches. */
  public List<String> authProblems() {
    return authProblems;
  }

  // ---- launches ----

  /** Describes a launch; answers the {@code lti_message_hint} that selects it. */
  public String prepare(LaunchSpec spec) {
    String hint = "launch-" + UUID.randomUUID();
    pending.put(hint, spec);
    return hint;
  }

  /** The outcome of a launch over HTTP: Rapport's redirect and the session token in it. */
  public record Launched(String location, String session) {}

  /**
   * Launches into Rapport over real HTTP as a browser would: OIDC login initiation at {@code
   * /lti/login} (with platform storage, since cookies are Secure and this is plain HTTP), this
   * platform's authorization endpoint, the form post to {@code /lti/launch}, and the relaunch with
   * the state read back from platform storage.
   */
  public Launched launch(RapportClient rapport, LaunchSpec spec) {
    String hint = prepare(spec);
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI login =
        URI.create(
            rapport.uri("/lti/login")
                + "?iss="
                + enc(base)
                + "&login_hint="
                + enc(spec.userId())
                + "&target_link_uri="
                + enc(rapport.uri(spec.targetPath()).toString())
                + "&lti_message_hint="
                + enc(hint)
                + "&client_id="
                + enc(CLIENT_ID)
                + "&lti_deployment_id="
                + enc(DEPLOYMENT_ID)
                + "&lti_storage_target=_parent");
    String location = LaunchSteps.launch(http, rapport, login);
    return new Launched(location, LaunchSteps.session(location));
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher ags =
          Pattern.compile("/ags/([^/]+)/lineitems(?:/(\\d+)(/scores|/results)?)?").matcher(path);
      Matcher nrps = Pattern.compile("/nrps/([^/]+)/memberships").matcher(path);
      if (path.equals("/jwks")) {
        jwks(exchange);
      } else if (path.equals("/auth")) {
        authorize(exchange);
      } else if (path.equals("/course")) {
        course(exchange);
      } else if (path.equals("/.well-known/openid-configuration")) {
        registrationEndpoints.openidConfiguration(exchange);
      } else if (path.equals("/register")) {
        registrationEndpoints.register(exchange);
      } else if (path.equals("/token") && method.equals("POST")) {
        tokens.token(exchange);
      } else if (path.equals("/deep-link-return") && method.equals("POST")) {
        deepLinkReturn(exchange);
      } else if (ags.matches()) {
        gradebook.handle(exchange, ags.group(1), ags.group(2), ags.group(3));
      } else if (nrps.matches() && method.equals("GET")) {
        memberships(exchange, nrps.group(1));
      } else {
        respond(exchange, 404, "text/plain", "Nothing here");
      }
    } catch (RuntimeException e) {
      problems.add("Platform error on " + exchange.getRequestURI() + ": " + e);
      try {
        respond(exchange, 500, "text/plain", "error");
      } catch (IOException ignored) {
        // the exchange is gone
      }
    }
  }

  /**
   * Signs the launch the test prepared ({@link #prepare}) under the request's {@code
   * lti_message_hint}; any other request is a browser's launch from the course page ({@link
   * #browserLaunch}).
   */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    LaunchSpec spec = pending.remove(Objects.requireNonNullElse(q.get("lti_message_hint"), ""));
    if (spec == null) {
      browserLaunch(exchange, q);
      return;
    }
    List<String> wrong = new ArrayList<>();
    expectParam(q, "scope", "openid", wrong);
    expectParam(q, "response_type", "id_token", wrong);
    expectParam(q, "response_mode", "form_post", wrong);
    expectParam(q, "prompt", "none", wrong);
    expectParam(q, "client_id", CLIENT_ID, wrong);
    if (!spec.userId().equals(q.get("login_hint"))) {
      wrong.add("login_hint changed");
    }
    if (q.get("nonce") == null || q.get("state") == null || q.get("redirect_uri") == null) {
      wrong.add("nonce, state or redirect_uri missing");
    }
    if (!wrong.isEmpty()) {
      problems.add("Authorization request: " + wrong);
      respond(exchange, 400, "text/plain", "Bad authorization request: " + wrong);
      return;
    }
    String redirect = q.get("redirect_uri");
    String target = URI.create(redirect).resolve(spec.targetPath()).toString();
    String idToken = idToken(spec, q.get("nonce"), target);
    String html =
        "<!DOCTYPE html><html><body><form method=\"post\" action=\""
            + redirect
            + "\"><input type=\"hidden\" name=\"id_token\" value=\""
            + idToken
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + q.get("state")
            + "\"></form></body></html>";
    respond(exchange, 200, "text/html", html);
  }

  private String idToken(LaunchSpec spec, String nonce, String target) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(base)
            .audience(CLIENT_ID)
            .subject(spec.userId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", nonce)
            .claim("name", spec.name())
            .claim("email", spec.userId() + "@example.edu")
            .claim(LTI + "message_type", spec.messageType())
            .claim(LTI + "version", "1.3.0")
            .claim(LTI + "deployment_id", DEPLOYMENT_ID)
            .claim(LTI + "target_link_uri", target)
            .claim(LTI + "roles", spec.roles())
            .claim(
                LTI + "context",
                Map.of(
                    "id", spec.contextId(), "label", "CTX", "title", "Course " + spec.contextId()));
    if (spec.resourceLinkId() != null) {
      claims.claim(
          LTI + "resource_link",
          Map.of("id", spec.resourceLinkId(), "title", "Link " + spec.resourceLinkId()));
    }
    if (spec.agsScopes() != null) {
      Map<String, Object> endpoint = new LinkedHashMap<>();
      endpoint.put("scope", spec.agsScopes());
      endpoint.put("lineitems", lineItemsUrl(spec.contextId()).toString());
      if (spec.lineItem() != null) {
        endpoint.put("lineitem", spec.lineItem());
      }
      claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", endpoint);
    }
    if (spec.nrps()) {
      claims.claim(
          "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
          Map.of(
              "context_memberships_url",
              membershipsUrl(spec.contextId()).toString(),
              "service_versions",
              List.of("2.0")));
    }
    if (spec.messageType().equals("LtiDeepLinkingRequest")) {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("deep_link_return_url", base + "/deep-link-return");
      settings.put("accept_types", spec.acceptTypes());
      settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
      settings.put("accept_multiple", spec.acceptMultiple());
      settings.put("accept_lineitem", spec.acceptLineItem());
      if (spec.data() != null) {
        settings.put("data", spec.data());
        deepLinkData.put(spec.data(), spec.contextId());
      }
      claims.claim(DL + "deep_linking_settings", settings);
    }
    return sign(claims.build());
  }

  private void memberships(HttpExchange exchange, String contextId) throws IOException {
    if (!tokens.authorized(exchange, NRPS_SCOPE)) {
      return;
    }
    nrpsPages.incrementAndGet();
    if (!NRPS_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      problems.add(
          "Memberships asked with Accept " + exchange.getRequestHeaders().getFirst("Accept"));
      respond(exchange, 406, "text/plain", "Not acceptable");
      return;
    }
    List<MemberRecord> roster = rosters.getOrDefault(contextId, List.of());
    int page =
        Integer.parseInt(query(exchange.getRequestURI().getRawQuery()).getOrDefault("page", "1"));
    int from = (page - 1) * NRPS_PAGE_SIZE;
    List<Object> members = new ArrayList<>();
    for (MemberRecord m :
        roster.subList(
            Math.min(from, roster.size()), Math.min(from + NRPS_PAGE_SIZE, roster.size()))) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("user_id", m.userId());
      json.put("roles", m.roles());
      json.put("status", m.status());
      json.put("name", m.name());
      json.put("email", m.email());
      members.add(json);
    }
    if (from + NRPS_PAGE_SIZE < roster.size()) {
      exchange
          .getResponseHeaders()
          .add("Link", "<" + membershipsUrl(contextId) + "?page=" + (page + 1) + ">; rel=\"next\"");
    }
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("id", membershipsUrl(contextId).toString());
    container.put("context", Map.of("id", contextId, "title", "Course " + contextId));
    container.put("members", members);
    respond(exchange, 200, NRPS_TYPE, JSONObjectUtils.toJSONString(container));
  }

  private void deepLinkReturn(HttpExchange exchange) throws IOException {
    Map<String, String> form = query(body(exchange));
    List<String> wrong = new ArrayList<>();
    try {
      JWTClaimsSet claims =
          tokens.verifiedByRapport(
              Objects.requireNonNullElse(form.get("JWT"), ""), "deep-linking response");
      Instant now = Instant.now();
      if (!CLIENT_ID.equals(claims.getIssuer())) {
        wrong.add("iss is " + claims.getIssuer());
      }
      if (claims.getAudience() == null || !claims.getAudience().equals(List.of(base))) {
        wrong.add("aud is " + claims.getAudience());
      }
      if (claims.getIssueTime() == null
          || claims.getExpirationTime() == null
          || !claims.getExpirationTime().toInstant().isAfter(now)) {
        wrong.add("iat/exp missing or expired");
      }
      if (claims.getStringClaim("nonce") == null) {
        wrong.add("no nonce");
      }
      if (!DEPLOYMENT_ID.equals(claims.getStringClaim(LTI + "deployment_id"))) {
        wrong.add("deployment_id is " + claims.getClaim(LTI + "deployment_id"));
      }
      if (!"LtiDeepLinkingResponse".equals(claims.getStringClaim(LTI + "message_type"))) {
        wrong.add("message_type is " + claims.getClaim(LTI + "message_type"));
      }
      if (!"1.3.0".equals(claims.getStringClaim(LTI + "version"))) {
        wrong.add("version is " + claims.getClaim(LTI + "version"));
      }
      Object echoed = claims.getClaim(DL + "data");
      String contextId = echoed == null ? null : deepLinkData.remove(echoed);
      if (contextId == null) {
        wrong.add("data not echoed unchanged: " + claims.getClaim(DL + "data"));
      }
      List<Map<String, Object>> items = new ArrayList<>();
      List<CreatedLink> links = new ArrayList<>();
      Object list = claims.getClaim(DL + "content_items");
      if (!(list instanceof List<?> raw)) {
        wrong.add("no content_items array");
      } else {
        for (Object entry : raw) {
          @SuppressWarnings("unchecked")
          Map<String, Object> item = (Map<String, Object>) entry;
          items.add(item);
          if (!"ltiResourceLink".equals(item.get("type")) || !(item.get("url") instanceof String)) {
            wrong.add("item is not an ltiResourceLink with url: " + item);
            continue;
          }
          String linkId = "dl-link-" + resourceLinkIds.incrementAndGet();
          String lineItemId = null;
          if (item.get("lineItem") instanceof Map<?, ?> li && contextId != null) {
            lineItemId =
                gradebook
                    .add(
                        contextId,
                        String.valueOf(li.get("label")),
                        ((Number) li.get("scoreMaximum")).doubleValue(),
                        linkId,
                        (String) li.get("resourceId"),
                        (String) li.get("tag"))
                    .id();
          }
          links.add(
              new CreatedLink(
                  linkId, (String) item.get("title"), (String) item.get("url"), lineItemId));
        }
      }
      if (!wrong.isEmpty()) {
        problems.add("Deep-linking response: " + wrong);
        respond(exchange, 400, "text/plain", "Refused: " + wrong);
        return;
      }
      deepLinkReturns.add(new DeepLinkReturn(claims.getClaims(), items, links));
      respond(exchange, 200, "text/html", "<p>Added " + links.size() + " items</p>");
    } catch (Exception e) {
      problems.add("Deep-linking response unreadable: " + e.getMessage());
      respond(exchange, 400, "text/plain", "Refused: " + e.getMessage());
    }
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksRequests.incrementAndGet();
    if (jwksCacheControl != null) {
      exchange.getResponseHeaders().set("Cache-Control", jwksCacheControl);
    }
    respond(exchange, 200, "application/json", new JWKSet(List.copyOf(published)).toString(true));
  }

  /**
   * A browser's launch: checks Rapport's authentication request and answers a form that posts a
   * learner launch of whoever logged in back to Rapport.
   */
  private void browserLaunch(HttpExchange exchange, Map<String, String> q) throws IOException {
    List<String> wrong = new ArrayList<>();
    expectParam(q, "scope", "openid", wrong);
    expectParam(q, "response_type", "id_token", wrong);
    expectParam(q, "response_mode", "form_post", wrong);
    expectParam(q, "prompt", "none", wrong);
    for (String required : List.of("client_id", "redirect_uri", "login_hint", "state", "nonce")) {
      if (q.get(required) == null || q.get(required).isBlank()) {
        wrong.add("missing " + required);
      }
    }
    if (!wrong.isEmpty()) {
      authProblems.addAll(wrong);
      respond(exchange, 400, "text/plain", String.join("; ", wrong));
      return;
    }
    String redirect = q.get("redirect_uri");
    String target = redirect.replace("/lti/launch", "/app");
    String token =
        sign(launchClaims(q.get("client_id"), q.get("login_hint"), q.get("nonce"), target).build());
    String html =
        "<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\""
            + redirect
            + "\"><input type=\"hidden\" name=\"id_token\" value=\""
            + token
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + q.get("state")
            + "\"></form><script>document.getElementById('f').submit();</script></body></html>";
    respond(exchange, 200, "text/html; charset=utf-8", html);
  }

  /** A course page embedding Rapport (query: login = the tool login URL, tool = its origin). */
  private void course(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    String login = q.get("login");
    String tool = q.get("tool");
    boolean storage = !"off".equals(q.get("storage"));
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test course</title></head><body>"
            + "<h1>Test course</h1><iframe id=\"tool\" name=\"tool\" title=\"Rapport\" style=\"width:100%;height:700px\" src=\""
            + login.replace("&", "&amp;").replace("\"", "&quot;")
            + "\"></iframe><script>(function(){var store={};var tool="
            + jsString(tool)
            + ";window.addEventListener('message',function(e){var d=e.data;if(e.origin!==tool||!d||typeof d!=='object'){return;}"
            + (storage ? "" : "return;")
            + "var r={message_id:d.message_id};"
            + "if(d.subject==='lti.put_data'){store[d.key]=d.value;window.storedKeys=Object.keys(store);r.subject='lti.put_data.response';r.key=d.key;r.value=d.value;}"
            + "else if(d.subject==='lti.get_data'){r.subject='lti.get_data.response';r.key=d.key;"
            + "if(Object.prototype.hasOwnProperty.call(store,d.key)){r.value=store[d.key];}else{r.error={code:'bad_request'};}}"
            + "else{return;}e.source.postMessage(r,e.origin);});})();</script></body></html>";
    respond(exchange, 200, "text/html; charset=utf-8", html);
  }

  // ---- helpers ----

  private static String jsString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
  }

  private static void expectParam(
      Map<String, String> q, String name, String value, List<String> wrong) {
    if (!value.equals(q.get(name))) {
      wrong.add(name + " is " + q.get(name));
    }
  }

  private static String enc(String value) {
    return LaunchSteps.enc(value);
  }

  /** {@code n} members: user ids {@code prefix-1...}, learners except every 50th (instructor). */
  public static List<MemberRecord> members(String prefix, int n) {
    List<MemberRecord> members = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      members.add(
          new MemberRecord(
              prefix + "-" + i,
              "Member " + i,
              prefix + i + "@example.edu",
              List.of(i % 50 == 0 ? INSTRUCTOR : LEARNER),
              "Active"));
    }
    return members;
  }
}
