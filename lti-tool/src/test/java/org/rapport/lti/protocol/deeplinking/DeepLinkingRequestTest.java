package org.rapport.lti.protocol.deeplinking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;
import org.rapport.lti.protocol.launch.MessageType;
import org.rapport.lti.protocol.launch.ValidatedLaunch;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;

class DeepLinkingRequestTest {
  private static final ToolKey KEY = ToolKeyRing.generate(Instant.now(), Instant.now());
  private static final Map<String, Object> DATA =
      Map.of("opaque", "abc", "nested", Map.of("list", List.of("x", "y")));

  private static ValidatedLaunch launch(boolean multiple, boolean lineItems, List<String> types) {
    Map<String, Object> settings =
        Map.of(
            "deep_link_return_url", "https://lms.example.edu/dl/return",
            "accept_types", types,
            "accept_multiple", multiple,
            "accept_lineitem", lineItems,
            "data", DATA);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder().claim(LtiClaims.DEEP_LINKING_SETTINGS, settings).build();
    Registration registration =
        new Registration(
            new RegistrationId(3),
            "https://lms.example.edu",
            "client-3",
            URI.create("https://lms.example.edu/auth"),
            URI.create("https://lms.example.edu/token"),
            URI.create("https://lms.example.edu/jwks"),
            DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT,
            true);
    return new ValidatedLaunch(
        registration,
        "dep-1",
        MessageType.DEEP_LINKING,
        "teacher",
        Set.of(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        URI.create("https://rapport.example.edu/app"),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        DeepLinkingSettings.from(claims),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        claims);
  }

  private static ContentItem module(String id, boolean lineItem) {
    return ContentItem.ltiResourceLink(
        URI.create("https://rapport.example.edu/app/modules/" + id),
        "Module " + id,
        null,
        lineItem ? new ContentItem.LineItem("Module " + id, 1, id, "completion") : null,
        Map.of());
  }

  @Test
  void aStoredRequestIsAnsweredWithItsDataEchoedUnchanged() throws Exception {
    DeepLinkingRequest stored =
        DeepLinkingRequest.of(launch(true, true, List.of("ltiResourceLink")));
    DeepLinkingRequest restored =
        DeepLinkingRequest.restore(
            "client-3", "https://lms.example.edu", "dep-1", stored.settingsJson());
    assertEquals(stored.settings(), restored.settings());

    String jwt =
        DeepLinkingResponse.build(
            restored,
            List.of(module("teach-back", true), module("opening-the-visit", true)),
            KEY,
            Clock.systemUTC());
    SignedJWT signed = SignedJWT.parse(jwt);
    assertTrue(signed.verify(new RSASSAVerifier(KEY.publicJwk())));
    assertEquals(KEY.kid(), signed.getHeader().getKeyID());
    JWTClaimsSet claims = signed.getJWTClaimsSet();
    assertEquals("client-3", claims.getIssuer());
    assertEquals(List.of("https://lms.example.edu"), claims.getAudience());
    assertEquals("dep-1", claims.getStringClaim(LtiClaims.DEPLOYMENT_ID));
    assertEquals("LtiDeepLinkingResponse", claims.getStringClaim(LtiClaims.MESSAGE_TYPE));
    assertEquals("1.3.0", claims.getStringClaim(LtiClaims.VERSION));
    assertEquals(DATA, claims.getClaim(LtiClaims.DEEP_LINKING_DATA));
    List<?> items = (List<?>) claims.getClaim(LtiClaims.CONTENT_ITEMS);
    assertEquals(2, items.size());
    Map<?, ?> lineItem = (Map<?, ?>) ((Map<?, ?>) items.get(0)).get("lineItem");
    assertEquals("teach-back", lineItem.get("resourceId"));
    assertEquals("completion", lineItem.get("tag"));
    assertEquals(1L, ((Number) lineItem.get("scoreMaximum")).longValue());
  }

  @Test
  void itemsMustRespectAcceptMultipleAndAcceptTypes() {
    DeepLinkingRequest single =
        DeepLinkingRequest.of(launch(false, true, List.of("ltiResourceLink")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DeepLinkingResponse.build(
                single, List.of(module("a", true), module("b", true)), KEY, Clock.systemUTC()));
    DeepLinkingRequest noColumns =
        DeepLinkingRequest.of(launch(true, false, List.of("ltiResourceLink")));
    assertTrue(noColumns.lineItemsIgnored(), "accept_lineitem false: the platform ignores them");
    assertFalse(
        DeepLinkingRequest.of(launch(true, true, List.of("ltiResourceLink"))).lineItemsIgnored());
    DeepLinkingRequest filesOnly = DeepLinkingRequest.of(launch(true, true, List.of("file")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DeepLinkingResponse.build(
                filesOnly, List.of(module("a", true)), KEY, Clock.systemUTC()));
    DeepLinkingResponse.build(filesOnly, List.of(), KEY, Clock.systemUTC());
  }
}
