package org.rapport.lti.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapport.lti.protocol.claims.LtiClaims;

/**
 * An LTI 1.3 platform for tests, on the JDK's HTTP server at 127.0.0.1 (port 0): a JWKS with key
 * rotation, an OIDC authorization endpoint that checks Rapport's request and auto-posts a signed
 * id_token, a course page that embeds Rapport in an iframe and answers platform-storage messages,
 * and the OpenID configuration and registration endpoints of LTI Dynamic Registration.
 */
public final class LtiTestPlatform implements AutoCloseable {
  public static final String DEPLOYMENT_ID = "test-deployment-1";

  private final HttpServer server;
  private final List<RSAKey> published = new CopyOnWriteArrayList<>();
  private volatile RSAKey signing;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final List<String> registrationRequests = new CopyOnWriteArrayList<>();
  private final List<String> authProblems = new CopyOnWriteArrayList<>();

  private LtiTestPlatform(HttpServer server) {
    this.server = server;
  }

  public static LtiTestPlatform start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LtiTestPlatform platform = new LtiTestPlatform(server);
    platform.signing = newKey("tp-key-1");
    platform.published.add(platform.signing);
    server.createContext("/jwks", platform::jwks);
    server.createContext("/auth", platform::auth);
    server.createContext("/course", platform::course);
    server.createContext("/.well-known/openid-configuration", platform::openidConfiguration);
    server.createContext("/register", platform::register);
    server.start();
    return platform;
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI uri(String path) {
    return URI.create(issuer() + path);
  }

  /** Registration JSON for Rapport's admin API. */
  public String registrationJson(String name, String clientId, String policy) {
    return """
        {"name": "%s", "platformKind": "OTHER", "issuer": "%s", "clientId": "%s",
         "authEndpoint": "%s/auth", "tokenEndpoint": "%s/token", "jwksUri": "%s/jwks",
         "deploymentPolicy": "%s"}
        """
        .formatted(name, issuer(), clientId, issuer(), issuer(), issuer(), policy);
  }

  public int jwksRequests() {
    return jwksRequests.get();
  }

  public List<String> registrationRequests() {
    return registrationRequests;
  }

  public List<String> authProblems() {
    return authProblems;
  }

  /** Publishes a new key and signs with it from now on (the old key stays published). */
  public RSAKey rotate(String kid) {
    RSAKey next = newKey(kid);
    published.add(next);
    signing = next;
    return next;
  }

  public RSAKey signingKey() {
    return signing;
  }

  /** The claims of a valid resource-link launch of {@code clientId} into {@code target}. */
  public JWTClaimsSet.Builder launchClaims(
      String clientId, String subject, String nonce, String target) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .audience(clientId)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Test " + subject)
        .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT_ID)
        .claim(LtiClaims.TARGET_LINK_URI, target)
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-1", "title", "Rapport"))
        .claim(
            LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
        .claim(LtiClaims.CONTEXT, Map.of("id", "course-1", "title", "Clinical Skills 1"));
  }

  public String sign(JWTClaimsSet claims) {
    return sign(claims, signing);
  }

  public static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .algorithm(JWSAlgorithm.RS256)
          .keyUse(KeyUse.SIGNATURE)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksRequests.incrementAndGet();
    List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
    published.forEach(k -> keys.add(k.toPublicJWK()));
    respond(exchange, 200, "application/json", new JWKSet(keys).toString(true));
  }

  /** Checks Rapport's authentication request and answers the auto-posting form. */
  private void auth(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    List<String> problems = new ArrayList<>();
    expect(q, "scope", "openid", problems);
    expect(q, "response_type", "id_token", problems);
    expect(q, "response_mode", "form_post", problems);
    expect(q, "prompt", "none", problems);
    for (String required : List.of("client_id", "redirect_uri", "login_hint", "state", "nonce")) {
      if (q.get(required) == null || q.get(required).isBlank()) {
        problems.add("missing " + required);
      }
    }
    if (!problems.isEmpty()) {
      authProblems.addAll(problems);
      respond(exchange, 400, "text/plain", String.join("; ", problems));
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

  private void openidConfiguration(HttpExchange exchange) throws IOException {
    String json =
        """
        {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token",
         "jwks_uri": "%1$s/jwks", "registration_endpoint": "%1$s/register",
         "scopes_supported": ["openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score",
           "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"],
         "response_types_supported": ["id_token"], "subject_types_supported": ["public", "pairwise"],
         "id_token_signing_alg_values_supported": ["RS256"],
         "token_endpoint_auth_methods_supported": ["private_key_jwt"],
         "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
         "claims_supported": ["iss", "sub", "name"],
         "https://purl.imsglobal.org/spec/lti-platform-configuration": {
           "product_family_code": "rapport-test-platform", "version": "1.0",
           "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}]}}
        """
            .formatted(issuer());
    respond(exchange, 200, "application/json", json);
  }

  private void register(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!"POST".equals(exchange.getRequestMethod()) || !"Bearer reg-token-1".equals(auth)) {
      respond(exchange, 401, "application/json", "{\"error\": \"invalid_token\"}");
      return;
    }
    registrationRequests.add(body);
    String json =
        """
        {"client_id": "dyn-client-1", "registration_client_uri": "%s/register/dyn-client-1",
         "application_type": "web", "response_types": ["id_token"],
         "grant_types": ["implicit", "client_credentials"],
         "https://purl.imsglobal.org/spec/lti-tool-configuration": {
           "domain": "localhost", "deployment_id": "dyn-deployment-1",
           "target_link_uri": "http://localhost/app", "claims": ["iss", "sub"], "messages": []}}
        """
            .formatted(issuer());
    respond(exchange, 200, "application/json", json);
  }

  private static void expect(
      Map<String, String> q, String name, String value, List<String> problems) {
    if (!value.equals(q.get(name))) {
      problems.add(name + " must be " + value + " but was " + q.get(name));
    }
  }

  public static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
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
    return values;
  }

  private static String jsString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
