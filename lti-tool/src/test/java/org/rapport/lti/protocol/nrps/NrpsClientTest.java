package org.rapport.lti.protocol.nrps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;
import org.rapport.lti.protocol.services.ServiceClient;
import org.rapport.lti.protocol.services.ServiceHttp;
import org.rapport.lti.protocol.services.ServiceTokens;
import org.rapport.lti.protocol.services.TokenRequest;
import org.rapport.lti.testdata.LtiTestPlatform;

class NrpsClientTest {
  private final ToolKey key = ToolKeyRing.generate(Instant.now(), Instant.now());

  @Test
  void readsEveryPageOfTheMembership() throws Exception {
    try (LtiTestPlatform platform = LtiTestPlatform.start(() -> new JWKSet(key.publicJwk()))) {
      platform.roster("c1", LtiTestPlatform.members("m", 250));
      ServiceHttp http =
          new ServiceHttp(
              new org.rapport.lti.protocol.outbound.OutboundHttp(
                  org.rapport.lti.protocol.outbound.OutboundPolicy.development()),
              Clock.systemUTC());
      NrpsClient nrps =
          new NrpsClient(
              new ServiceClient(new ServiceTokens(http, () -> key, Clock.systemUTC()), http));
      NrpsClient.Roster roster =
          nrps.fetch(
              new TokenRequest(
                  1,
                  LtiTestPlatform.CLIENT_ID,
                  platform.tokenEndpoint(),
                  Set.of(LtiTestPlatform.NRPS_SCOPE)),
              platform.membershipsUrl("c1"));
      assertEquals(250, roster.members().size());
      assertEquals(3, roster.pages());
      assertEquals(3, platform.nrpsPageRequests());
      Member fiftieth = roster.members().get(49);
      assertEquals("m-50", fiftieth.userId());
      assertEquals(java.util.List.of(LtiTestPlatform.INSTRUCTOR), fiftieth.roles());
      assertEquals(java.util.Optional.of("Member 50"), fiftieth.name());
      assertTrue(fiftieth.active());
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }
}
