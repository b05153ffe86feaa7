package org.rapport.lti.protocol.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;
import org.rapport.lti.protocol.services.ServiceCallFailed;
import org.rapport.lti.protocol.services.ServiceClient;
import org.rapport.lti.protocol.services.ServiceHttp;
import org.rapport.lti.protocol.services.ServiceTokens;
import org.rapport.lti.protocol.services.TokenRequest;
import org.rapport.lti.testdata.TestPlatform;

class AgsClientTest {
  private final ToolKey key = ToolKeyRing.generate(Instant.now(), Instant.now());
  private TestPlatform platform;
  private AgsClient ags;
  private TokenRequest scopes;

  @BeforeEach
  void start() throws Exception {
    platform = TestPlatform.start(() -> new JWKSet(key.publicJwk()));
    ServiceHttp http = new ServiceHttp(ServiceHttp.defaultClient(), Clock.systemUTC());
    ags =
        new AgsClient(
            new ServiceClient(new ServiceTokens(http, () -> key, Clock.systemUTC()), http));
    scopes =
        new TokenRequest(
            1,
            TestPlatform.CLIENT_ID,
            platform.tokenEndpoint(),
            Set.of(TestPlatform.AGS + "score", TestPlatform.AGS + "lineitem"));
    platform.roster("c1", TestPlatform.members("u", 3));
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void createsFindsAndScoresALineItemOfAResourceLink() {
    URI lineItems = platform.lineItemsUrl("c1");
    assertTrue(ags.find(scopes, lineItems, "link-1", "teach-back", "completion").isEmpty());
    LineItem created =
        ags.create(
            scopes,
            lineItems,
            new LineItem(null, "Teach-back", 1, "link-1", "teach-back", "completion"));
    platform.createLineItem("c1", "Other module", "link-1", "opening-the-visit", "completion");
    List<LineItem> found = ags.find(scopes, lineItems, "link-1", "teach-back", "completion");
    assertEquals(List.of(created.id()), found.stream().map(LineItem::id).toList());

    Instant at = Instant.parse("2030-05-01T10:00:00.123456Z");
    assertEquals(200, ags.publish(scopes, created.id(), Score.completion("u-1", at)));
    TestPlatform.ScoreRecord score = platform.scores().get(0);
    assertEquals("u-1", score.userId());
    assertEquals("2030-05-01T10:00:00.123+00:00", score.timestamp());
    assertEquals(1.0, ((Number) score.json().get("scoreGiven")).doubleValue());
    assertEquals("Completed", score.json().get("activityProgress"));
    assertEquals("FullyGraded", score.json().get("gradingProgress"));
    assertEquals(1, platform.tokenRequests().size(), "one token for every call");
    assertTrue(platform.problems().isEmpty(), platform.problems().toString());
  }

  @Test
  void anOutageIsTransientWithTheRetryAfterTheLmsAsked() {
    LineItem item =
        ags.create(
            scopes,
            platform.lineItemsUrl("c1"),
            new LineItem(null, "Teach-back", 1, "link-1", "teach-back", "completion"));
    platform.outage(503, Duration.ofMinutes(1), "7");
    ServiceCallFailed down =
        assertThrows(
            ServiceCallFailed.class,
            () -> ags.publish(scopes, item.id(), Score.completion("u-1", Instant.now())));
    assertFalse(down.permanent());
    assertEquals(503, down.status());
    assertEquals(Optional.of(Duration.ofSeconds(7)), down.retryAfter());
    platform.endOutage();

    ServiceCallFailed refused =
        assertThrows(
            ServiceCallFailed.class,
            () -> ags.publish(scopes, item.id(), Score.completion("stranger", Instant.now())));
    assertTrue(refused.permanent());
    assertEquals(400, refused.status());
    assertTrue(refused.reason().contains("not an active member"), refused.reason());
  }
}
