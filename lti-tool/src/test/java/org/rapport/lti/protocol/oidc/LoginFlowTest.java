package org.rapport.lti.protocol.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.ToolOrigin;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;
import org.rapport.lti.protocol.testdata.InMemoryRegistrationStore;

class LoginFlowTest {
  private static final String ISSUER = "https://canvas.instructure.com";
  private static final URI LAUNCH = URI.create("https://rapport.example.edu/lti/launch");
  private static final ToolOrigin OURS = new ToolOrigin(URI.create("https://rapport.example.edu/"));

  private final Registration first =
      registration(
          1, "10000000000001", true, "https://sso.canvaslms.com/api/lti/authorize_redirect");
  private final Registration second =
      registration(
          2, "10000000000002", true, "https://sso.canvaslms.com/api/lti/authorize_redirect");
  private final InMemoryRegistrationStore store = new InMemoryRegistrationStore(first);

  private static Registration registration(long id, String clientId, boolean enabled, String auth) {
    return new Registration(
        new RegistrationId(id),
        ISSUER,
        clientId,
        URI.create(auth),
        URI.create("https://sso.canvaslms.com/login/oauth2/token"),
        URI.create("https://sso.canvaslms.com/api/lti/security/jwks"),
        DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT,
        enabled);
  }

  private static Map<String, String> params(String... pairs) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return params;
  }

  private static Map<String, String> minimal() {
    return params(
        "iss", ISSUER,
        "login_hint", "user hint/1+2",
        "target_link_uri", "https://rapport.example.edu/lti/launch?module=3");
  }

  private AuthenticationRedirect start(Map<String, String> params) {
    return new LoginFlow(store, LAUNCH, OURS)
        .start(LoginInitiation.from(params), new SecureRandom());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  @Test
  void redirectsToAuthEndpointWithTheOidcAuthenticationRequest() {
    Map<String, String> params = minimal();
    params.put("lti_message_hint", "{\"resource\":7}");
    params.put("client_id", first.clientId());

    AuthenticationRedirect redirect = start(params);

    Map<String, String> query = query(redirect.redirectTo());
    assertEquals("sso.canvaslms.com", redirect.redirectTo().getHost());
    assertEquals("/api/lti/authorize_redirect", redirect.redirectTo().getPath());
    assertEquals("openid", query.get("scope"));
    assertEquals("id_token", query.get("response_type"));
    assertEquals("form_post", query.get("response_mode"));
    assertEquals("none", query.get("prompt"));
    assertEquals(first.clientId(), query.get("client_id"));
    assertEquals(LAUNCH.toString(), query.get("redirect_uri"));
    assertEquals("user hint/1+2", query.get("login_hint"));
    assertEquals("{\"resource\":7}", query.get("lti_message_hint"));
    assertEquals(redirect.state(), query.get("state"));
    assertEquals(redirect.nonce(), query.get("nonce"));
    assertEquals(first, redirect.registration());
  }

  @Test
  void stateAndNonceAreFreshRandomBase64UrlOfAtLeast128Bits() {
    AuthenticationRedirect one = start(minimal());
    AuthenticationRedirect two = start(minimal());

    for (String value : new String[] {one.state(), one.nonce()}) {
      assertTrue(Base64.getUrlDecoder().decode(value).length * 8 >= 128, value);
      assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
    }
    assertNotEquals(one.state(), one.nonce());
    assertNotEquals(one.state(), two.state());
    assertNotEquals(one.nonce(), two.nonce());
  }

  @Test
  void keepsAQueryTheAuthEndpointAlreadyHas() {
    store.add(registration(1, "10000000000001", true, "https://lms.example.edu/auth?tenant=med"));

    URI redirect = start(minimal()).redirectTo();

    assertEquals("med", query(redirect).get("tenant"));
    assertEquals("openid", query(redirect).get("scope"));
  }

  @Test
  void readsAPostedFormTheSameAsAQueryString() {
    // The web layer hands over GET query parameters and POST form fields as the same map.
    Map<String, String> posted = new HashMap<>(minimal());
    posted.put("lti_deployment_id", "dep-1");
    posted.put("lti_storage_target", "_parent");

    LoginInitiation init = LoginInitiation.from(posted);
    AuthenticationRedirect redirect =
        new LoginFlow(store, LAUNCH, OURS).start(init, new SecureRandom());

    assertEquals("dep-1", init.deploymentId());
    assertEquals("_parent", redirect.storageTarget());
    assertEquals(
        URI.create("https://rapport.example.edu/lti/launch?module=3"), init.targetLinkUri());
  }

  @Test
  void passesHintsOnExactlyAsReceived() {
    Map<String, String> params = minimal();
    params.put("login_hint", " hint with spaces ");
    params.put("lti_message_hint", "eyJhbGciOi.x+y/z=");

    Map<String, String> query = query(start(params).redirectTo());

    assertEquals(" hint with spaces ", query.get("login_hint"));
    assertEquals("eyJhbGciOi.x+y/z=", query.get("lti_message_hint"));
  }

  @Test
  void acceptsCanvasDeploymentIdAlias() {
    Map<String, String> params = minimal();
    params.put("deployment_id", "canvas-dep-9");

    assertEquals("canvas-dep-9", LoginInitiation.from(params).deploymentId());
  }

  @Test
  void prefersLtiDeploymentIdOverTheAlias() {
    Map<String, String> params = minimal();
    params.put("deployment_id", "alias");
    params.put("lti_deployment_id", "standard");

    assertEquals("standard", LoginInitiation.from(params).deploymentId());
  }

  @Test
  void optionalParametersAreNullWhenAbsentOrBlank() {
    Map<String, String> params = minimal();
    params.put("lti_message_hint", " ");

    LoginInitiation init = LoginInitiation.from(params);

    assertNull(init.ltiMessageHint());
    assertNull(init.clientId());
    assertNull(init.deploymentId());
    assertNull(init.ltiStorageTarget());
    assertTrue(!query(start(params).redirectTo()).containsKey("lti_message_hint"));
  }

  @Test
  void rejectsMissingRequiredParameters() {
    assertFailure(LaunchFailure.LOGIN_ISSUER_MISSING, () -> LoginInitiation.from(without("iss")));
    assertFailure(
        LaunchFailure.LOGIN_HINT_MISSING, () -> LoginInitiation.from(without("login_hint")));
    assertFailure(
        LaunchFailure.TARGET_LINK_URI_MISSING,
        () -> LoginInitiation.from(without("target_link_uri")));
  }

  @Test
  void rejectsTargetThatIsNotAnAbsoluteHttpUrl() {
    for (String target :
        new String[] {"/relative", "javascript:alert(1)", "not a url", "ftp://x/y"}) {
      Map<String, String> params = minimal();
      params.put("target_link_uri", target);
      assertFailure(LaunchFailure.TARGET_LINK_URI_INVALID, () -> LoginInitiation.from(params));
    }
  }

  @Test
  void rejectsUnknownIssuer() {
    Map<String, String> params = minimal();
    params.put("iss", "https://unknown.example");

    LaunchRejected rejected = assertFailure(LaunchFailure.ISSUER_UNKNOWN, () -> start(params));
    assertEquals("https://unknown.example", rejected.issuer().orElseThrow());
  }

  @Test
  void rejectsUnknownClientIdOfAKnownIssuer() {
    Map<String, String> params = minimal();
    params.put("client_id", "not-ours");

    assertFailure(LaunchFailure.CLIENT_ID_UNKNOWN, () -> start(params));
  }

  @Test
  void rejectsAmbiguousIssuerWithoutClientId() {
    store.add(second);

    assertFailure(LaunchFailure.ISSUER_AMBIGUOUS, () -> start(minimal()));
  }

  @Test
  void resolvesSharedIssuerByClientId() {
    store.add(second);
    Map<String, String> params = minimal();
    params.put("client_id", second.clientId());

    assertEquals(second, start(params).registration());
  }

  @Test
  void rejectsDisabledRegistration() {
    store.add(registration(1, "10000000000001", false, "https://sso.canvaslms.com/auth"));

    assertFailure(LaunchFailure.REGISTRATION_DISABLED, () -> start(minimal()));
  }

  @Test
  void rejectsForeignTarget() {
    Map<String, String> params = minimal();
    params.put("target_link_uri", "https://evil.example/rapport.example.edu/lti/launch");

    assertFailure(LaunchFailure.TARGET_LINK_URI_FOREIGN, () -> start(params));
  }

  private static Map<String, String> without(String name) {
    Map<String, String> params = minimal();
    params.remove(name);
    return params;
  }

  private static LaunchRejected assertFailure(LaunchFailure expected, Runnable action) {
    LaunchRejected rejected = assertThrows(LaunchRejected.class, action::run);
    assertEquals(expected, rejected.failure(), rejected::getMessage);
    return rejected;
  }
}
