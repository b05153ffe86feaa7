package org.rapport.lti.protocol.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;

/**
 * A platform for tests: RSA keys, id_token claims and signing, and a JWKS served by the JDK's HTTP
 * server on 127.0.0.1 (random port) whose key set can be rotated and whose requests are counted.
 */
public final class TestPlatform implements AutoCloseable {
  public static final String ISSUER = "https://platform.example.edu";
  public static final String CLIENT_ID = "rapport-client-1";
  public static final String DEPLOYMENT_ID = "deployment-1";
  public static final URI TOOL_BASE = URI.create("https://rapport.example.edu/");
  public static final URI TARGET_LINK_URI = URI.create("https://rapport.example.edu/lti/launch");
  public static final URI AUTH_ENDPOINT = URI.create("https://platform.example.edu/auth");
  public static final URI TOKEN_ENDPOINT = URI.create("https://platform.example.edu/token");
  public static final String ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

  /** Generated once: RSA key generation is slow and the keys are immutable. */
  public static final RSAKey KEY_1 = rsaKey("platform-key-1");

  public static final RSAKey KEY_2 = rsaKey("platform-key-2");

  private final HttpServer server;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private volatile String jwksJson;
  private volatile String cacheControl;

  private TestPlatform(HttpServer server) {
    this.server = server;
  }

  /** Starts the JWKS server publishing {@link #KEY_1}. */
  public static TestPlatform start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestPlatform platform = new TestPlatform(server);
      platform.publish(KEY_1);
      server.createContext(
          "/jwks",
          exchange -> {
            platform.jwksRequests.incrementAndGet();
            byte[] body = platform.jwksJson.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (platform.cacheControl != null) {
              exchange.getResponseHeaders().set("Cache-Control", platform.cacheControl);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return platform;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RSAKey rsaKey(String kid) {
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

  public URI jwksUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  /** Publishes the public parts of these keys (with their alg and use, as the keys carry them). */
  public void publish(JWK... keys) {
    jwksJson = new JWKSet(List.of(keys)).toString(true);
  }

  public void cacheControl(String header) {
    cacheControl = header;
  }

  public int jwksRequests() {
    return jwksRequests.get();
  }

  public Registration registration(long id, DeploymentPolicy policy, boolean enabled) {
    return new Registration(
        new RegistrationId(id),
        ISSUER,
        CLIENT_ID,
        AUTH_ENDPOINT,
        TOKEN_ENDPOINT,
        jwksUri(),
        policy,
        enabled);
  }

  /** Claims of a valid resource-link launch issued at {@code now}. */
  public static JWTClaimsSet.Builder resourceLinkClaims(Instant now, String nonce) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("user-42")
        .audience(CLIENT_ID)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Ada Lovelace")
        .claim("email", "ada@example.edu")
        .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT_ID)
        .claim(LtiClaims.TARGET_LINK_URI, TARGET_LINK_URI.toString())
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-7", "title", "Empathy module 1"))
        .claim(LtiClaims.ROLES, List.of(ROLE + "Learner"))
        .claim(
            LtiClaims.CONTEXT,
            Map.of("id", "course-1", "label", "MED101", "title", "Clinical communication"));
  }

  /** Claims of a valid deep-linking request issued at {@code now}. */
  public static JWTClaimsSet.Builder deepLinkingClaims(Instant now, String nonce) {
    return resourceLinkClaims(now, nonce)
        .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")
        .claim(LtiClaims.RESOURCE_LINK, null)
        .claim(LtiClaims.ROLES, List.of(ROLE + "Instructor"))
        .claim(
            LtiClaims.DEEP_LINKING_SETTINGS,
            Map.of(
                "deep_link_return_url",
                "https://platform.example.edu/deep_links",
                "accept_types",
                List.of("ltiResourceLink"),
                "accept_presentation_document_targets",
                List.of("iframe", "window"),
                "accept_multiple",
                false,
                "accept_lineitem",
                true,
                "data",
                "opaque-platform-data"));
  }

  /** Signs with {@link #KEY_1}. */
  public static String sign(JWTClaimsSet claims) {
    return sign(claims, KEY_1);
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

  @Override
  public void close() {
    server.stop(0);
  }
}
