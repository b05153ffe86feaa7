package org.rapport.lti.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LTI Advantage platform for tests, on the JDK's HTTP server at 127.0.0.1 (random port), with
 * its own RSA key and JWKS: an OIDC authorization endpoint that signs id_tokens for launches the
 * test describes ({@link LaunchSpec}), a token endpoint that verifies Rapport's client assertion
 * (signature against Rapport's JWKS, iss, sub, aud, exp, jti never reused) and counts requests per
 * scope set, AGS line-item and score endpoints (which can be told to be down, with or without
 * Retry-After), an AGS result endpoint (each learner's latest accepted score), a paged NRPS
 * membership endpoint, and a deep-link return endpoint that verifies Rapport's response and creates
 * the links and line items it asks for.
 */
public final class TestPlatform implements AutoCloseable {
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
  private static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
  private static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  private static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  private static final String RESULTS_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";
  private static final String NRPS_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(6);
  private final RSAKey key;
  private final String base;
  private final Supplier<JWKSet> toolKeys;

  private final Map<String, LaunchSpec> pending = new ConcurrentHashMap<>();

  /** The data of each deep-linking request sent, with its context, until echoed back. */
  private final Map<Object, String> deepLinkData = new ConcurrentHashMap<>();

  private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
  private final Set<String> jtis = ConcurrentHashMap.newKeySet();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private volatile Duration tokenLifetime = Duration.ofHours(1);

  private final Map<String, LineItemRecord> lineItems = new ConcurrentHashMap<>();
  private final AtomicInteger lineItemIds = new AtomicInteger();
  private final List<ScoreRecord> scores = new CopyOnWriteArrayList<>();
  private final AtomicInteger scoreAttempts = new AtomicInteger();
  private final AtomicInteger scoresRefused = new AtomicInteger();
  private final AtomicInteger outageAnswers = new AtomicInteger();
  private final AtomicInteger resultReads = new AtomicInteger();
  private volatile Outage outage;
  private volatile Duration scoreDelay = Duration.ZERO;

  private final Map<String, List<MemberRecord>> rosters = new ConcurrentHashMap<>();
  private final AtomicInteger nrpsPages = new AtomicInteger();

  private final List<DeepLinkReturn> deepLinkReturns = new CopyOnWriteArrayList<>();
  private final AtomicInteger resourceLinkIds = new AtomicInteger();

  /** Everything the platform found wrong in what Rapport sent; a test asserts it stays empty. */
  private final List<String> problems = new CopyOnWriteArrayList<>();

  /** An access token the platform issued. */
  private record Issued(Set<String> scopes, Instant expiresAt) {}

  /** The platform is answering {@code status} to score and line-item calls until {@code until}. */
  private record Outage(Instant until, int status, String retryAfter) {}

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

  private TestPlatform(Supplier<JWKSet> toolKeys) throws IOException {
    this.toolKeys = toolKeys;
    try {
      key =
          new RSAKeyGenerator(2048)
              .keyID("platform-" + UUID.randomUUID())
              .algorithm(JWSAlgorithm.RS256)
              .keyUse(KeyUse.SIGNATURE)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A platform checking assertions against the given tool key set. */
  public static TestPlatform start(Supplier<JWKSet> toolKeys) throws IOException {
    return new TestPlatform(toolKeys);
  }

  /** A platform checking assertions against Rapport's published JWKS. */
  public static TestPlatform forRapport(RapportClient rapport) throws IOException {
    return forRapport(() -> rapport);
  }

  /**
   * As {@link #forRapport(RapportClient)}, for a Rapport whose address changes (restarts): the key
   * set last read is used while the current address does not answer (a new process may call before
   * the test learns its address; the keys live in the shared database).
   */
  public static TestPlatform forRapport(Supplier<RapportClient> rapport) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    java.util.concurrent.atomic.AtomicReference<JWKSet> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    return new TestPlatform(
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
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- addresses and registration ----

  public String issuer() {
    return base;
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

  // ---- behaviour switches ----

  /** Tokens issued from now on live this long. */
  public void tokenLifetime(Duration lifetime) {
    tokenLifetime = lifetime;
  }

  /** Score and line-item calls answer {@code status} (with Retry-After if given) for a while. */
  public void outage(int status, Duration length, String retryAfter) {
    outage = new Outage(Instant.now().plus(length), status, retryAfter);
  }

  public void endOutage() {
    outage = null;
  }

  /** Each score post takes this long to answer (a slow LMS). */
  public void scoreDelay(Duration delay) {
    scoreDelay = delay;
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
    String id = lineItemsUrl(contextId) + "/" + lineItemIds.incrementAndGet();
    LineItemRecord item =
        new LineItemRecord(id, contextId, label, 1, resourceLinkId, resourceId, tag);
    lineItems.put(id, item);
    return item;
  }

  // ---- what the platform saw ----

  /** Token requests per scope set (the scope parameter as sent). */
  public Map<String, Integer> tokenRequests() {
    Map<String, Integer> counts = new HashMap<>();
    tokenRequests.forEach((scope, count) -> counts.put(scope, count.get()));
    return counts;
  }

  public int tokenRequestsFor(String... scopes) {
    Set<String> wanted = Set.of(scopes);
    int total = 0;
    for (Map.Entry<String, AtomicInteger> entry : tokenRequests.entrySet()) {
      if (Set.of(entry.getKey().split(" ")).equals(wanted)) {
        total += entry.getValue().get();
      }
    }
    return total;
  }

  public List<ScoreRecord> scores() {
    return List.copyOf(scores);
  }

  /** Score posts received, accepted or not. */
  public int scoreAttempts() {
    return scoreAttempts.get();
  }

  /** Result reads answered (GET {lineitem}/results). */
  public int resultReads() {
    return resultReads.get();
  }

  /**
   * Records a score as if it had been posted and accepted, for a test that simulates a post whose
   * answer Rapport never recorded.
   */
  public void acceptScore(String lineItemId, String userId, String timestamp) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", userId);
    json.put("scoreGiven", 1.0);
    json.put("scoreMaximum", 1.0);
    json.put("activityProgress", "Completed");
    json.put("gradingProgress", "FullyGraded");
    json.put("timestamp", timestamp);
    scores.add(new ScoreRecord(lineItemId, userId, timestamp, json));
  }

  /** AGS calls (line items, scores and results) answered with the outage status. */
  public int outageAnswers() {
    return outageAnswers.get();
  }

  public int scoresRefused() {
    return scoresRefused.get();
  }

  public List<LineItemRecord> lineItems() {
    return List.copyOf(lineItems.values());
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

  // ---- launches ----

  /** Describes a launch; answers the {@code lti_message_hint} that selects it. */
  public String prepare(LaunchSpec spec) {
    String hint = "launch-" + UUID.randomUUID();
    pending.put(hint, spec);
    return hint;
  }

  /** The outcome of a launch over HTTP: Rapport's redirect and the session token in it. */
  public record Launched(String location, String session) {}

  private static final Pattern REDIRECT = Pattern.compile("data-redirect=\"([^\"]*)\"");
  private static final Pattern ID_TOKEN = Pattern.compile("name=\"id_token\" value=\"([^\"]*)\"");
  private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("[?&]s=([A-Za-z0-9._-]+)");

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
    HttpResponse<String> loginPage = send(http, HttpRequest.newBuilder(login).GET().build());
    expect(loginPage, 200, "login initiation");
    String auth = DevLaunch.html(find(REDIRECT, loginPage.body(), "login page"));
    HttpResponse<String> post = send(http, HttpRequest.newBuilder(URI.create(auth)).GET().build());
    expect(post, 200, "authorization");
    String state = DevLaunch.html(find(STATE, post.body(), "authorization answer"));
    String form =
        "id_token="
            + enc(DevLaunch.html(find(ID_TOKEN, post.body(), "authorization answer")))
            + "&state="
            + enc(state);
    HttpResponse<String> launched = postForm(http, rapport.uri("/lti/launch"), form);
    if (launched.statusCode() == 200 && launched.body().contains("lti-relaunch")) {
      launched = postForm(http, rapport.uri("/lti/launch"), form + "&stored_state=" + enc(state));
    }
    if (launched.statusCode() != 303) {
      throw new AssertionError("Launch refused: " + launched.statusCode() + " " + launched.body());
    }
    String location = launched.headers().firstValue("Location").orElseThrow();
    return new Launched(location, find(SESSION, location, "launch redirect"));
  }

  /** What a launch carries; build with the static factories and the {@code with…} methods. */
  public record LaunchSpec(
      String messageType,
      String userId,
      String name,
      List<String> roles,
      String contextId,
      String resourceLinkId,
      String targetPath,
      List<String> agsScopes,
      String lineItem,
      boolean nrps,
      boolean acceptMultiple,
      boolean acceptLineItem,
      List<String> acceptTypes,
      Object data) {

    public static LaunchSpec resourceLink(
        String userId, String role, String contextId, String linkId, String targetPath) {
      return new LaunchSpec(
          "LtiResourceLinkRequest",
          userId,
          "User " + userId,
          List.of(role),
          contextId,
          linkId,
          targetPath,
          ALL_AGS_SCOPES,
          null,
          true,
          false,
          false,
          List.of(),
          null);
    }

    public static LaunchSpec deepLinking(String userId, String role, String contextId) {
      return new LaunchSpec(
          "LtiDeepLinkingRequest",
          userId,
          "User " + userId,
          List.of(role),
          contextId,
          null,
          "/app",
          ALL_AGS_SCOPES,
          null,
          true,
          true,
          true,
          List.of("ltiResourceLink", "link"),
          Map.of("opaque", "dl-" + UUID.randomUUID(), "nested", Map.of("kept", "as sent")));
    }

    public LaunchSpec withLineItem(String url) {
      return new LaunchSpec(
          messageType,
          userId,
          name,
          roles,
          contextId,
          resourceLinkId,
          targetPath,
          agsScopes,
          url,
          nrps,
          acceptMultiple,
          acceptLineItem,
          acceptTypes,
          data);
    }

    public LaunchSpec withAgsScopes(List<String> scopes) {
      return new LaunchSpec(
          messageType,
          userId,
          name,
          roles,
          contextId,
          resourceLinkId,
          targetPath,
          scopes,
          lineItem,
          nrps,
          acceptMultiple,
          acceptLineItem,
          acceptTypes,
          data);
    }

    public LaunchSpec withoutNrps() {
      return new LaunchSpec(
          messageType,
          userId,
          name,
          roles,
          contextId,
          resourceLinkId,
          targetPath,
          agsScopes,
          lineItem,
          false,
          acceptMultiple,
          acceptLineItem,
          acceptTypes,
          data);
    }

    public LaunchSpec accepting(boolean multiple, boolean lineItems) {
      return new LaunchSpec(
          messageType,
          userId,
          name,
          roles,
          contextId,
          resourceLinkId,
          targetPath,
          agsScopes,
          lineItem,
          nrps,
          multiple,
          lineItems,
          acceptTypes,
          data);
    }
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
        respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
      } else if (path.equals("/auth")) {
        authorize(exchange);
      } else if (path.equals("/token") && method.equals("POST")) {
        token(exchange);
      } else if (path.equals("/deep-link-return") && method.equals("POST")) {
        deepLinkReturn(exchange);
      } else if (ags.matches()) {
        String lineItem = base + "/ags/" + ags.group(1) + "/lineitems/" + ags.group(2);
        if ("/scores".equals(ags.group(3)) && method.equals("POST")) {
          score(exchange, lineItem);
        } else if ("/results".equals(ags.group(3)) && method.equals("GET")) {
          results(exchange, lineItem);
        } else if (ags.group(2) == null && method.equals("GET")) {
          listLineItems(exchange, ags.group(1));
        } else if (ags.group(2) == null && method.equals("POST")) {
          createLineItem(exchange, ags.group(1));
        } else {
          respond(exchange, 405, "text/plain", "Method not allowed");
        }
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

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    List<String> wrong = new ArrayList<>();
    expectParam(q, "scope", "openid", wrong);
    expectParam(q, "response_type", "id_token", wrong);
    expectParam(q, "response_mode", "form_post", wrong);
    expectParam(q, "prompt", "none", wrong);
    expectParam(q, "client_id", CLIENT_ID, wrong);
    LaunchSpec spec = pending.remove(Objects.requireNonNullElse(q.get("lti_message_hint"), ""));
    if (spec == null) {
      wrong.add("unknown lti_message_hint");
    } else if (!spec.userId().equals(q.get("login_hint"))) {
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

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies a JWT Rapport signed: RS256 with a key of Rapport's JWKS named by kid. */
  private JWTClaimsSet verifiedByRapport(String token, String what) throws Exception {
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

  private void token(HttpExchange exchange) throws IOException {
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
    Set<String> known = new HashSet<>(ALL_AGS_SCOPES);
    known.add(NRPS_SCOPE);
    if (!known.containsAll(requested)) {
      wrong.add("unknown scope in " + scope);
    }
    try {
      JWTClaimsSet claims =
          verifiedByRapport(
              Objects.requireNonNullElse(form.get("client_assertion"), ""), "client assertion");
      Instant now = Instant.now();
      if (!CLIENT_ID.equals(claims.getIssuer())) {
        wrong.add("iss is " + claims.getIssuer());
      }
      if (!CLIENT_ID.equals(claims.getSubject())) {
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
  private boolean authorized(HttpExchange exchange, String... anyOf) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Issued issued =
        header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
    boolean ok =
        issued != null
            && issued.expiresAt().isAfter(Instant.now())
            && List.of(anyOf).stream().anyMatch(issued.scopes()::contains);
    if (!ok) {
      problems.add(
          "Unauthorized call to "
              + exchange.getRequestURI()
              + (issued == null ? " (unknown token)" : " (expired or scope missing)"));
      respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
    }
    return ok;
  }

  private boolean down(HttpExchange exchange) throws IOException {
    Outage current = outage;
    if (current == null || Instant.now().isAfter(current.until())) {
      return false;
    }
    outageAnswers.incrementAndGet();
    if (current.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", current.retryAfter());
    }
    respond(exchange, current.status(), "text/plain", "Temporarily unavailable");
    return true;
  }

  private void listLineItems(HttpExchange exchange, String contextId) throws IOException {
    if (!authorized(exchange, AGS + "lineitem", AGS + "lineitem.readonly") || down(exchange)) {
      return;
    }
    if (!CONTAINER_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      problems.add(
          "Line items listed with Accept " + exchange.getRequestHeaders().getFirst("Accept"));
    }
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    List<Object> found = new ArrayList<>();
    for (LineItemRecord item : lineItems.values()) {
      if (item.contextId().equals(contextId)
          && matches(q.get("resource_link_id"), item.resourceLinkId())
          && matches(q.get("resource_id"), item.resourceId())
          && matches(q.get("tag"), item.tag())) {
        found.add(json(item));
      }
    }
    respond(
        exchange, 200, CONTAINER_TYPE, com.nimbusds.jose.util.JSONArrayUtils.toJSONString(found));
  }

  private void createLineItem(HttpExchange exchange, String contextId) throws IOException {
    if (!authorized(exchange, AGS + "lineitem") || down(exchange)) {
      return;
    }
    if (!LINE_ITEM_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      problems.add(
          "Line item created with Content-Type "
              + exchange.getRequestHeaders().getFirst("Content-Type"));
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body(exchange));
      double max = ((Number) json.get("scoreMaximum")).doubleValue();
      if (!(max > 0) || !(json.get("label") instanceof String)) {
        problems.add("Line item without label or positive scoreMaximum: " + json);
        respond(exchange, 400, "application/json", "{\"error\":\"bad line item\"}");
        return;
      }
      String id = lineItemsUrl(contextId) + "/" + lineItemIds.incrementAndGet();
      LineItemRecord item =
          new LineItemRecord(
              id,
              contextId,
              (String) json.get("label"),
              max,
              (String) json.get("resourceLinkId"),
              (String) json.get("resourceId"),
              (String) json.get("tag"));
      lineItems.put(id, item);
      respond(exchange, 201, LINE_ITEM_TYPE, JSONObjectUtils.toJSONString(json(item)));
    } catch (java.text.ParseException | ClassCastException | NullPointerException e) {
      problems.add("Unreadable line item: " + e);
      respond(exchange, 400, "application/json", "{\"error\":\"unreadable\"}");
    }
  }

  private void score(HttpExchange exchange, String lineItemId) throws IOException {
    scoreAttempts.incrementAndGet();
    if (!authorized(exchange, AGS + "score") || down(exchange)) {
      return;
    }
    if (!scoreDelay.isZero()) {
      try {
        Thread.sleep(scoreDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LineItemRecord item = lineItems.get(lineItemId);
    if (item == null) {
      respond(exchange, 404, "application/json", "{\"error\":\"no such line item\"}");
      return;
    }
    if (!SCORE_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      problems.add(
          "Score posted with Content-Type "
              + exchange.getRequestHeaders().getFirst("Content-Type"));
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body(exchange));
      String userId = (String) json.get("userId");
      String timestamp = (String) json.get("timestamp");
      if (userId == null || timestamp == null) {
        problems.add("Score without userId or timestamp: " + json);
      }
      Instant.parse(timestamp.replace("+00:00", "Z"));
      boolean completion =
          ((Number) json.get("scoreGiven")).doubleValue() == 1
              && ((Number) json.get("scoreMaximum")).doubleValue() == 1
              && "Completed".equals(json.get("activityProgress"))
              && "FullyGraded".equals(json.get("gradingProgress"));
      if (!completion) {
        problems.add("Score is not a completion: " + json);
      }
      List<MemberRecord> roster = rosters.get(item.contextId());
      boolean member =
          roster == null
              || roster.stream()
                  .anyMatch(m -> m.userId().equals(userId) && "Active".equals(m.status()));
      if (!member) {
        scoresRefused.incrementAndGet();
        respond(
            exchange,
            400,
            "application/json",
            "{\"error\":\"User " + userId + " is not an active member of the course\"}");
        return;
      }
      scores.add(new ScoreRecord(lineItemId, userId, timestamp, json));
      respond(exchange, 200, "application/json", "{}");
    } catch (Exception e) {
      problems.add("Unreadable score: " + e);
      respond(exchange, 400, "application/json", "{\"error\":\"unreadable score\"}");
    }
  }

  /** The line item's results: each user's latest accepted score, filtered by {@code user_id}. */
  private void results(HttpExchange exchange, String lineItemId) throws IOException {
    if (!authorized(exchange, AGS + "result.readonly") || down(exchange)) {
      return;
    }
    resultReads.incrementAndGet();
    if (!RESULTS_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      problems.add("Results read with Accept " + exchange.getRequestHeaders().getFirst("Accept"));
    }
    LineItemRecord item = lineItems.get(lineItemId);
    if (item == null) {
      respond(exchange, 404, "application/json", "{\"error\":\"no such line item\"}");
      return;
    }
    String wanted = query(exchange.getRequestURI().getRawQuery()).get("user_id");
    Map<String, ScoreRecord> latest = new LinkedHashMap<>();
    for (ScoreRecord score : scores) {
      if (score.lineItemId().equals(lineItemId)
          && (wanted == null || wanted.equals(score.userId()))) {
        latest.merge(
            score.userId(),
            score,
            (a, b) ->
                Instant.parse(b.timestamp().replace("+00:00", "Z"))
                        .isBefore(Instant.parse(a.timestamp().replace("+00:00", "Z")))
                    ? a
                    : b);
      }
    }
    List<Object> results = new ArrayList<>();
    for (ScoreRecord score : latest.values()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", lineItemId + "/results/" + score.userId());
      json.put("scoreOf", lineItemId);
      json.put("userId", score.userId());
      Object given = score.json().get("scoreGiven");
      Object max = score.json().get("scoreMaximum");
      if (given instanceof Number g && max instanceof Number m) {
        json.put("resultScore", g.doubleValue() / m.doubleValue() * item.scoreMaximum());
      }
      json.put("resultMaximum", item.scoreMaximum());
      results.add(json);
    }
    respond(
        exchange, 200, RESULTS_TYPE, com.nimbusds.jose.util.JSONArrayUtils.toJSONString(results));
  }

  private void memberships(HttpExchange exchange, String contextId) throws IOException {
    if (!authorized(exchange, NRPS_SCOPE)) {
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
          verifiedByRapport(
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
            LineItemRecord created =
                new LineItemRecord(
                    lineItemsUrl(contextId) + "/" + lineItemIds.incrementAndGet(),
                    contextId,
                    String.valueOf(li.get("label")),
                    ((Number) li.get("scoreMaximum")).doubleValue(),
                    linkId,
                    (String) li.get("resourceId"),
                    (String) li.get("tag"));
            lineItems.put(created.id(), created);
            lineItemId = created.id();
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

  // ---- helpers ----

  private static Map<String, Object> json(LineItemRecord item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", item.id());
    json.put("label", item.label());
    json.put("scoreMaximum", item.scoreMaximum());
    if (item.resourceLinkId() != null) {
      json.put("resourceLinkId", item.resourceLinkId());
    }
    if (item.resourceId() != null) {
      json.put("resourceId", item.resourceId());
    }
    if (item.tag() != null) {
      json.put("tag", item.tag());
    }
    return json;
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  private static void expectParam(
      Map<String, String> q, String name, String value, List<String> wrong) {
    if (!value.equals(q.get(name))) {
      wrong.add(name + " is " + q.get(name));
    }
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(values);
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String find(Pattern pattern, String text, String where) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("Nothing matching " + pattern + " in the " + where + ": " + text);
    }
    return m.group(1);
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> postForm(HttpClient http, URI uri, String form) {
    return send(
        http,
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
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
