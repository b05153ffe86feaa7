package org.rapport.lti.protocol.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.LmsHttpServer.respond;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundPolicy;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RecordedRequest;
import org.rapport.lti.testdata.TestKeys;

/**
 * Dynamic Registration against the test LMS, its configuration and registration answers scripted.
 */
class DynamicRegistrationTest {
  private static final String TOKEN = "registration-token-123";
  private static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  private static final String NRPS_SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  private static final ToolDescription RAPPORT =
      new ToolDescription(
          "Rapport",
          URI.create("https://rapport.example.edu/lti/login"),
          URI.create("https://rapport.example.edu/lti/launch"),
          URI.create("https://rapport.example.edu/lti/launch"),
          URI.create("https://rapport.example.edu/lti/deep-link"),
          URI.create("https://rapport.example.edu/.well-known/jwks.json"),
          URI.create("https://rapport.example.edu/logo.svg"),
          "Empathy education for medical schools",
          null,
          List.of("ContentArea"));

  private final OutboundHttp http = new OutboundHttp(OutboundPolicy.development());
  private final DynamicRegistration registration = new DynamicRegistration();
  private LtiTestPlatform platform;
  private String base;
  private UnaryOperator<Map<String, Object>> configChange = UnaryOperator.identity();
  private int registerStatus = 201;
  private String registerResponse;

  @BeforeEach
  void startPlatform() {
    platform = LtiTestPlatform.startWith(TestKeys.KEY_1);
    base = platform.issuer();
    registerResponse =
        JSONObjectUtils.toJSONString(
            Map.of(
                "client_id",
                "client-from-platform",
                "scope",
                SCOPE + "score " + NRPS_SCOPE,
                DynamicRegistration.TOOL_CONFIGURATION,
                Map.of("deployment_id", "dep-77")));
    platform.answer(
        "/.well-known/openid-configuration",
        exchange ->
            respond(
                exchange,
                200,
                "application/json",
                JSONObjectUtils.toJSONString(configChange.apply(config()))));
    platform.answer(
        "/register",
        exchange -> respond(exchange, registerStatus, "application/json", registerResponse));
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  /** The one registration request the platform received. */
  private RecordedRequest registrationRequest() {
    List<RecordedRequest> received = platform.requests("/register");
    assertEquals(1, received.size(), "registration requests");
    return received.get(0);
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("issuer", base);
    config.put("authorization_endpoint", base + "/auth");
    config.put("token_endpoint", base + "/token");
    config.put("jwks_uri", base + "/jwks");
    config.put("registration_endpoint", base + "/register");
    config.put("scopes_supported", List.of("openid", SCOPE + "score", NRPS_SCOPE));
    config.put("response_types_supported", List.of("id_token"));
    config.put("id_token_signing_alg_values_supported", List.of("RS256"));
    config.put("authorization_server", base + "/token");
    config.put(
        DynamicRegistration.PLATFORM_CONFIGURATION,
        Map.of(
            "product_family_code", "moodle",
            "version", "4.5",
            "messages_supported",
                List.of(
                    Map.of("type", "LtiResourceLinkRequest"),
                    Map.of("type", "LtiDeepLinkingRequest"))));
    return config;
  }

  private URI configUrl() {
    return URI.create(base + "/.well-known/openid-configuration");
  }

  private PlatformConfiguration fetch() {
    return registration.fetchConfiguration(configUrl(), http);
  }

  @Test
  void readsThePlatformConfiguration() {
    PlatformConfiguration cfg = fetch();

    assertEquals(base, cfg.issuer());
    assertEquals(URI.create(base + "/auth"), cfg.authorizationEndpoint());
    assertEquals(URI.create(base + "/token"), cfg.tokenEndpoint());
    assertEquals(URI.create(base + "/jwks"), cfg.jwksUri());
    assertEquals(URI.create(base + "/register"), cfg.registrationEndpoint());
    assertEquals(Optional.of(base + "/token"), cfg.authorizationServer());
    assertEquals(Optional.of("moodle"), cfg.productFamilyCode());
    assertEquals(
        List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"), cfg.messagesSupported());
    assertTrue(cfg.scopesSupported().contains(NRPS_SCOPE));
  }

  @Test
  void refusesAnIssuerOnAnotherOrigin() {
    configChange = cfg -> put(cfg, "issuer", "https://evil.example");

    DynamicRegistrationFailed failed = assertThrows(DynamicRegistrationFailed.class, this::fetch);
    assertTrue(failed.getMessage().contains("same site"), failed.getMessage());
  }

  @Test
  void refusesAnIssuerOnAnotherPort() {
    configChange = cfg -> put(cfg, "issuer", "http://127.0.0.1:1");

    assertThrows(DynamicRegistrationFailed.class, this::fetch);
  }

  @Test
  void acceptsAnIssuerWithAPathOnTheSameOrigin() {
    configChange = cfg -> put(cfg, "issuer", base + "/moodle");

    assertEquals(base + "/moodle", fetch().issuer());
  }

  @Test
  void refusesAPlatformThatDoesNotSignWithRs256() {
    configChange = cfg -> put(cfg, "id_token_signing_alg_values_supported", List.of("HS256"));

    assertThrows(DynamicRegistrationFailed.class, this::fetch);
  }

  @Test
  void refusesAConfigurationWithoutRegistrationEndpoint() {
    configChange = cfg -> put(cfg, "registration_endpoint", null);

    assertThrows(DynamicRegistrationFailed.class, this::fetch);
  }

  @Test
  void refusesPlainHttpEndpointsOffTheLoopback() {
    configChange = cfg -> put(cfg, "jwks_uri", "http://platform.example.edu/jwks");

    DynamicRegistrationFailed failed = assertThrows(DynamicRegistrationFailed.class, this::fetch);
    assertTrue(failed.getMessage().contains("https"), failed.getMessage());
  }

  @Test
  void refusesAPlainHttpConfigurationUrlOffTheLoopback() {
    assertThrows(
        DynamicRegistrationFailed.class,
        () ->
            registration.fetchConfiguration(
                URI.create("http://platform.example.edu/.well-known/openid-configuration"), http));
  }

  @Test
  void reportsAConfigurationThatIsNotThere() {
    assertThrows(
        DynamicRegistrationFailed.class,
        () -> registration.fetchConfiguration(URI.create(base + "/missing"), http));
  }

  @Test
  void describesRapportAsAnLtiTool() {
    Map<String, Object> body = registration.toolRegistrationRequest(RAPPORT).body();

    assertEquals("web", body.get("application_type"));
    assertEquals(List.of("id_token"), body.get("response_types"));
    assertEquals(List.of("implicit", "client_credentials"), body.get("grant_types"));
    assertEquals("https://rapport.example.edu/lti/login", body.get("initiate_login_uri"));
    assertEquals(List.of("https://rapport.example.edu/lti/launch"), body.get("redirect_uris"));
    assertEquals("Rapport", body.get("client_name"));
    assertEquals("https://rapport.example.edu/.well-known/jwks.json", body.get("jwks_uri"));
    assertEquals("https://rapport.example.edu/logo.svg", body.get("logo_uri"));
    assertEquals("private_key_jwt", body.get("token_endpoint_auth_method"));
    assertEquals(
        Set.of(
            SCOPE + "lineitem",
            SCOPE + "lineitem.readonly",
            SCOPE + "result.readonly",
            SCOPE + "score",
            NRPS_SCOPE),
        Set.of(((String) body.get("scope")).split(" ")));
    @SuppressWarnings("unchecked")
    Map<String, Object> lti =
        (Map<String, Object>) body.get(DynamicRegistration.TOOL_CONFIGURATION);
    assertEquals("rapport.example.edu", lti.get("domain"));
    assertEquals("https://rapport.example.edu/lti/launch", lti.get("target_link_uri"));
    assertEquals(ToolDescription.DEFAULT_CLAIMS, lti.get("claims"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messages = (List<Map<String, Object>>) lti.get("messages");
    assertEquals("LtiResourceLinkRequest", messages.get(0).get("type"));
    assertEquals("LtiDeepLinkingRequest", messages.get(1).get("type"));
    assertEquals(
        "https://rapport.example.edu/lti/deep-link", messages.get(1).get("target_link_uri"));
    assertEquals(List.of("ContentArea"), messages.get(1).get("placements"));
  }

  @Test
  void registersWithTheBearerTokenAndReadsClientAndDeployment() throws Exception {
    PlatformConfiguration cfg = fetch();

    RegisteredClient client =
        registration.register(cfg, registration.toolRegistrationRequest(RAPPORT), TOKEN, http);

    RecordedRequest received = registrationRequest();
    Map<String, Object> body = JSONObjectUtils.parse(received.body());
    assertEquals("Bearer " + TOKEN, received.header("Authorization"));
    assertEquals("application/json", received.header("Content-Type"));
    assertEquals("Rapport", body.get("client_name"));
    assertTrue(body.containsKey(DynamicRegistration.TOOL_CONFIGURATION));
    assertEquals("client-from-platform", client.clientId());
    assertEquals(Optional.of("dep-77"), client.deploymentId());
    assertEquals(Set.of(SCOPE + "score", NRPS_SCOPE), client.grantedScopes());
    assertEquals(cfg, client.platform());
  }

  @Test
  void turnsTheRegisteredClientIntoARegistration() {
    RegisteredClient client =
        registration.register(fetch(), registration.toolRegistrationRequest(RAPPORT), TOKEN, http);

    Registration stored =
        client.toRegistration(new RegistrationId(5), DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT);

    assertEquals(
        new Registration(
            new RegistrationId(5),
            base,
            "client-from-platform",
            URI.create(base + "/auth"),
            URI.create(base + "/token"),
            URI.create(base + "/jwks"),
            DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT,
            true),
        stored);
  }

  @Test
  void registersWithoutTokenWhenThePlatformGaveNone() {
    registerResponse = JSONObjectUtils.toJSONString(Map.of("client_id", "c-1"));

    RegisteredClient client =
        registration.register(fetch(), registration.toolRegistrationRequest(RAPPORT), null, http);

    assertNull(registrationRequest().header("Authorization"));
    assertEquals("c-1", client.clientId());
    assertEquals(Optional.empty(), client.deploymentId());
    assertEquals(Set.copyOf(DynamicRegistration.REQUESTED_SCOPES), client.grantedScopes());
  }

  @Test
  void reportsARefusalWithThePlatformsReason() {
    registerStatus = 401;
    registerResponse =
        JSONObjectUtils.toJSONString(
            Map.of("error", "invalid_token", "error_description", "The token has expired"));

    DynamicRegistrationFailed failed =
        assertThrows(
            DynamicRegistrationFailed.class,
            () ->
                registration.register(
                    fetch(), registration.toolRegistrationRequest(RAPPORT), TOKEN, http));
    assertTrue(failed.getMessage().contains("HTTP 401"), failed.getMessage());
    assertTrue(failed.getMessage().contains("The token has expired"), failed.getMessage());
    assertFalse(failed.getMessage().contains(TOKEN), "the registration token must not leak");
  }

  @Test
  void refusesAnAnswerWithoutClientId() {
    registerResponse = JSONObjectUtils.toJSONString(Map.of("scope", SCOPE + "score"));

    assertThrows(
        DynamicRegistrationFailed.class,
        () ->
            registration.register(
                fetch(), registration.toolRegistrationRequest(RAPPORT), TOKEN, http));
  }

  private static Map<String, Object> put(Map<String, Object> map, String key, Object value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
    return map;
  }
}
