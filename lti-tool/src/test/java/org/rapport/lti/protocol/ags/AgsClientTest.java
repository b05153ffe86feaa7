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
import org.rapport.lti.testdata.LtiTestPlatform;

class AgsClientTest {
  private final ToolKey key = ToolKeyRing.generate(Instant.now(), Instant.now());
  private LtiTestPlatform platform;
  private AgsClient ags;
  private TokenRequest scopes;

  @BeforeEach
  void start() throws Exception {
    platform = LtiTestPlatform.start(() -> new JWKSet(key.publicJwk()));
    ServiceHttp http =
        new ServiceHttp(
            new org.rapport.lti.protocol.outbound.OutboundHttp(
                org.rapport.lti.protocol.outbound.OutboundPolicy.development()),
            Clock.systemUTC());
    ags =
        new AgsClient(
            new ServiceClient(new ServiceTokens(http, () -> key, Clock.systemUTC()), http));
    scopes =
        new TokenRequest(
            1,
            LtiTestPlatform.CLIENT_ID,
            platform.tokenEndpoint(),
            Set.of(LtiTestPlatform.AGS + "score", LtiTestPlatform.AGS + "lineitem"));
    platform.roster("c1", LtiTestPlatform.members("u", 3));
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
    LtiTestPlatform.ScoreRecord score = platform.scores().get(0);
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

  @Test
  void readsOneLearnersResultAndTellsWhetherItShowsAScore() {
    TokenRequest reading =
        new TokenRequest(
            1,
            LtiTestPlatform.CLIENT_ID,
            platform.tokenEndpoint(),
            Set.of(
                LtiTestPlatform.AGS + "score",
                LtiTestPlatform.AGS + "lineitem",
                LtiTestPlatform.AGS + "result.readonly"));
    LineItem item =
        ags.create(
            reading,
            platform.lineItemsUrl("c1"),
            new LineItem(null, "Teach-back", 10, "link-1", "teach-back", "completion"));
    assertEquals(Optional.empty(), ags.result(reading, item.id(), "u-1"), "no score yet");

    Score done = Score.completion("u-1", Instant.parse("2030-05-01T10:00:00Z"));
    ags.publish(reading, item.id(), done);
    GradebookResult result = ags.result(reading, item.id(), "u-1").orElseThrow();
    assertEquals(10.0, result.resultScore(), "scaled to the column's maximum");
    assertTrue(result.shows(done));
    assertFalse(result.shows(Score.completion("u-2", done.timestamp())), "another learner");
    assertFalse(
        result.shows(new Score("u-1", 0.5, 1.0, "Completed", "FullyGraded", done.timestamp())));
    assertFalse(
        result.shows(new Score("u-1", null, null, "InProgress", "NotReady", done.timestamp())),
        "progress alone is never shown by a result");
    assertEquals(Optional.empty(), ags.result(reading, item.id(), "u-2"));

    ServiceCallFailed noScope =
        assertThrows(ServiceCallFailed.class, () -> ags.result(scopes, item.id(), "u-1"));
    assertEquals(401, noScope.status(), "a token without result.readonly is refused");
  }
}
