package org.rapport.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.outbound.OutboundPolicy;

class CalledAddressesTest {
  private static RegistrationSettings calling(String token, String jwks) {
    return new RegistrationSettings(
        "LMS",
        PlatformKind.OTHER,
        URI.create("https://lms.example.edu/auth"),
        token == null ? null : URI.create(token),
        URI.create(jwks),
        RegistrationSettings.ACCEPT_ON_FIRST_SIGHT,
        true);
  }

  @Test
  void inProductionAKeySetOnThisServerOrAnInternalNetworkIsRefusedSayingWhy() {
    List<String> problems =
        CalledAddresses.problems(
            OutboundPolicy.production(),
            calling("https://10.0.0.5/token", "https://127.0.0.1:8443/jwks"));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("tokenEndpoint: The host resolves to a private"));
    assertTrue(problems.get(1).startsWith("jwksUri: The host resolves to a loopback address"));
    assertTrue(
        CalledAddresses.problems(
                OutboundPolicy.production(), calling(null, "https://localhost/jwks"))
            .get(0)
            .startsWith("jwksUri: The host resolves to a loopback"));
    assertTrue(
        CalledAddresses.problems(OutboundPolicy.production(), calling(null, "https://[::1]/jwks"))
            .get(0)
            .startsWith("jwksUri: The host resolves to a loopback"));
    assertTrue(
        CalledAddresses.problems(
                OutboundPolicy.production(), calling(null, "http://lms.example.edu/jwks"))
            .get(0)
            .startsWith("jwksUri: The address does not use https"));
  }

  @Test
  void publicAddressesAndHostNamesPassAndDevelopmentAllowsThisServer() {
    assertEquals(
        List.of(),
        CalledAddresses.problems(
            OutboundPolicy.production(),
            calling("https://lms.example.edu/token", "https://203.0.113.9.example.edu/jwks")));
    assertEquals(
        List.of(),
        CalledAddresses.problems(
            OutboundPolicy.development(), calling(null, "http://127.0.0.1:8080/jwks")));
  }
}
