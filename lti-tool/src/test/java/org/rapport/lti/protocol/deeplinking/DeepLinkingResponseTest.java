package org.rapport.lti.protocol.deeplinking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.claims.LtiRole;
import org.rapport.lti.protocol.claims.ResourceLink;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;
import org.rapport.lti.protocol.launch.MessageType;
import org.rapport.lti.protocol.launch.ValidatedLaunch;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.testdata.ExampleLaunch;

class DeepLinkingResponseTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ToolKey KEY = ToolKeyRing.generate(NOW, NOW);
  private static final Registration REGISTRATION =
      ExampleLaunch.registration(
          URI.create("https://platform.example.edu/jwks"),
          1,
          DeploymentPolicy.REJECT_UNKNOWN,
          true);

  private static final ContentItem MODULE =
      ContentItem.ltiResourceLink(
          URI.create("https://rapport.example.edu/lti/launch?module=3"),
          "Breaking bad news",
          "Module 3 of the empathy curriculum",
          new ContentItem.LineItem("Breaking bad news", 100, "module-3", "empathy"),
          Map.of("module", "3"));
  private static final ContentItem OTHER_MODULE =
      ContentItem.ltiResourceLink(null, "Active listening", null, null, null);

  /** A validated deep-linking request whose settings are {@code settings}. */
  private static ValidatedLaunch deepLinkingLaunch(Map<String, Object> settings) {
    JWTClaimsSet claims =
        ExampleLaunch.deepLinkingClaims(NOW, "n")
            .claim(LtiClaims.DEEP_LINKING_SETTINGS, settings)
            .build();
    return launch(MessageType.DEEP_LINKING, claims, DeepLinkingSettings.from(claims));
  }

  private static ValidatedLaunch launch(
      MessageType type, JWTClaimsSet claims, Optional<DeepLinkingSettings> settings) {
    return new ValidatedLaunch(
        REGISTRATION,
        ExampleLaunch.DEPLOYMENT_ID,
        type,
        "user-42",
        Set.of(),
        Set.of(LtiRole.INSTRUCTOR),
        Optional.empty(),
        type == MessageType.RESOURCE_LINK
            ? Optional.of(new ResourceLink("l", Optional.empty()))
            : Optional.empty(),
        ExampleLaunch.TARGET_LINK_URI,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        settings,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        claims);
  }

  private static Map<String, Object> settings(
      List<String> acceptTypes, boolean acceptMultiple, Object data) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("deep_link_return_url", "https://platform.example.edu/deep_links");
    settings.put("accept_types", acceptTypes);
    settings.put("accept_presentation_document_targets", List.of("iframe"));
    settings.put("accept_multiple", acceptMultiple);
    if (data != null) {
      settings.put("data", data);
    }
    return settings;
  }

  private static SignedJWT verified(String jwt) throws Exception {
    SignedJWT parsed = SignedJWT.parse(jwt);
    RSAKey published =
        (RSAKey)
            new ToolKeyRing(List.of(KEY), CLOCK)
                .publicJwks()
                .getKeyByKeyId(parsed.getHeader().getKeyID());
    assertNotNull(published, "the kid is not in Rapport's published JWKS");
    assertTrue(parsed.verify(new RSASSAVerifier(published)), "signature does not verify");
    return parsed;
  }

  @Test
  void buildsASignedResponseThatVerifiesWithThePublishedJwks() throws Exception {
    ValidatedLaunch launch =
        deepLinkingLaunch(settings(List.of("ltiResourceLink"), false, "opaque"));

    JWTClaimsSet claims =
        verified(DeepLinkingResponse.build(launch, List.of(MODULE), KEY, CLOCK)).getJWTClaimsSet();

    assertEquals(ExampleLaunch.CLIENT_ID, claims.getIssuer());
    assertEquals(List.of(ExampleLaunch.ISSUER), claims.getAudience());
    assertEquals(NOW, claims.getIssueTime().toInstant());
    assertEquals(NOW.plus(DeepLinkingResponse.LIFETIME), claims.getExpirationTime().toInstant());
    assertNotNull(claims.getStringClaim("nonce"));
    assertEquals(ExampleLaunch.DEPLOYMENT_ID, claims.getStringClaim(LtiClaims.DEPLOYMENT_ID));
    assertEquals("LtiDeepLinkingResponse", claims.getStringClaim(LtiClaims.MESSAGE_TYPE));
    assertEquals("1.3.0", claims.getStringClaim(LtiClaims.VERSION));
    assertEquals("opaque", claims.getClaim(LtiClaims.DEEP_LINKING_DATA));
  }

  @Test
  void writesContentItemsAsDeepLinking20Json() throws Exception {
    ValidatedLaunch launch = deepLinkingLaunch(settings(List.of("ltiResourceLink"), false, null));

    JWTClaimsSet claims =
        verified(DeepLinkingResponse.build(launch, List.of(MODULE), KEY, CLOCK)).getJWTClaimsSet();

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items =
        (List<Map<String, Object>>) claims.getClaim(LtiClaims.CONTENT_ITEMS);
    assertEquals(1, items.size());
    Map<String, Object> item = items.get(0);
    assertEquals("ltiResourceLink", item.get("type"));
    assertEquals("https://rapport.example.edu/lti/launch?module=3", item.get("url"));
    assertEquals("Breaking bad news", item.get("title"));
    assertEquals("Module 3 of the empathy curriculum", item.get("text"));
    assertEquals(Map.of("module", "3"), item.get("custom"));
    @SuppressWarnings("unchecked")
    Map<String, Object> lineItem = (Map<String, Object>) item.get("lineItem");
    assertEquals("Breaking bad news", lineItem.get("label"));
    assertEquals(100L, ((Number) lineItem.get("scoreMaximum")).longValue());
    assertEquals("module-3", lineItem.get("resourceId"));
    assertEquals("empathy", lineItem.get("tag"));
    assertFalse(claims.getClaims().containsKey(LtiClaims.DEEP_LINKING_DATA), "no data to echo");
  }

  @Test
  void echoesNonStringDataUnchanged() throws Exception {
    Map<String, Object> data = Map.of("course", 12L, "nested", List.of("a", "b"));
    ValidatedLaunch launch = deepLinkingLaunch(settings(List.of("ltiResourceLink"), false, data));

    JWTClaimsSet claims =
        verified(DeepLinkingResponse.build(launch, List.of(MODULE), KEY, CLOCK)).getJWTClaimsSet();

    assertEquals(data, claims.getClaim(LtiClaims.DEEP_LINKING_DATA));
  }

  @Test
  void returnsSeveralItemsWhenThePlatformAcceptsMultiple() throws Exception {
    ValidatedLaunch launch = deepLinkingLaunch(settings(List.of("ltiResourceLink"), true, null));

    JWTClaimsSet claims =
        verified(DeepLinkingResponse.build(launch, List.of(MODULE, OTHER_MODULE), KEY, CLOCK))
            .getJWTClaimsSet();

    assertEquals(2, ((List<?>) claims.getClaim(LtiClaims.CONTENT_ITEMS)).size());
  }

  @Test
  void refusesSeveralItemsWhenThePlatformAcceptsOne() {
    ValidatedLaunch launch = deepLinkingLaunch(settings(List.of("ltiResourceLink"), false, null));

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeepLinkingResponse.build(launch, List.of(MODULE, OTHER_MODULE), KEY, CLOCK));
    assertTrue(refused.getMessage().contains("single item"), refused.getMessage());
  }

  @Test
  void refusesTypesThePlatformDoesNotAccept() {
    ValidatedLaunch launch = deepLinkingLaunch(settings(List.of("link", "file"), true, null));

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeepLinkingResponse.build(launch, List.of(MODULE), KEY, CLOCK));
    assertTrue(refused.getMessage().contains("ltiResourceLink"), refused.getMessage());
  }

  @Test
  void allowsAnEmptyAnswer() throws Exception {
    ValidatedLaunch launch = deepLinkingLaunch(settings(List.of("ltiResourceLink"), false, "d"));

    JWTClaimsSet claims =
        verified(DeepLinkingResponse.build(launch, List.of(), KEY, CLOCK)).getJWTClaimsSet();

    assertEquals(List.of(), claims.getClaim(LtiClaims.CONTENT_ITEMS));
    assertEquals("d", claims.getClaim(LtiClaims.DEEP_LINKING_DATA));
  }

  @Test
  void refusesToAnswerAResourceLinkLaunch() {
    // Even if a resource-link launch carried deep-linking settings, it cannot be answered.
    JWTClaimsSet claims = ExampleLaunch.deepLinkingClaims(NOW, "n").build();
    ValidatedLaunch launch =
        launch(MessageType.RESOURCE_LINK, claims, DeepLinkingSettings.from(claims));

    assertThrows(
        IllegalArgumentException.class,
        () -> DeepLinkingResponse.build(launch, List.of(MODULE), KEY, CLOCK));
  }

  @Test
  void lineItemNeedsAPositiveScoreMaximumAndALabel() {
    assertThrows(
        IllegalArgumentException.class, () -> new ContentItem.LineItem("x", 0, null, null));
    assertThrows(
        IllegalArgumentException.class, () -> new ContentItem.LineItem("x", -1, null, null));
    assertThrows(
        IllegalArgumentException.class, () -> new ContentItem.LineItem(" ", 10, null, null));
  }
}
