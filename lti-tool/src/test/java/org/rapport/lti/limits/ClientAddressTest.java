package org.rapport.lti.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address the throttles count a request against, directly and behind load balancers. */
class ClientAddressTest {
  private static String of(ClientAddress address, String remote, String... forwarded) {
    return address.of(remote, Collections.enumeration(List.of(forwarded)));
  }

  @Test
  void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
    ClientAddress address = ClientAddress.trusting("");
    assertEquals("10.0.0.5", of(address, "10.0.0.5", "203.0.113.9"));
  }

  @Test
  void behindATrustedBalancerTheClientIsTheAddressTheBalancerSaw() {
    ClientAddress address = ClientAddress.trusting("10.0.0.5, 10.0.0.6");
    assertEquals("203.0.113.9", of(address, "10.0.0.5", "203.0.113.9"));
    assertEquals("203.0.113.9", of(address, "10.0.0.6", "203.0.113.9"));
  }

  @Test
  void addressesTheClientWroteItselfDoNotCount() {
    ClientAddress address = ClientAddress.trusting("10.0.0.5");
    // The client sent "X-Forwarded-For: 198.51.100.1" to change its address; the balancer appended
    // the one it saw.
    assertEquals("203.0.113.9", of(address, "10.0.0.5", "198.51.100.1, 203.0.113.9"));
    assertEquals("203.0.113.9", of(address, "10.0.0.5", "198.51.100.1", "203.0.113.9"));
  }

  @Test
  void chainedTrustedProxiesAreSkipped() {
    ClientAddress address = ClientAddress.trusting("10.0.0.5,10.0.0.9");
    assertEquals("203.0.113.9", of(address, "10.0.0.5", "203.0.113.9, 10.0.0.9"));
  }

  @Test
  void aRequestFromAnUntrustedAddressKeepsItsOwnEvenWithTheHeader() {
    ClientAddress address = ClientAddress.trusting("10.0.0.5");
    assertEquals("198.51.100.7", of(address, "198.51.100.7", "203.0.113.9"));
  }

  @Test
  void aTrustedProxyWithoutTheHeaderIsTheClient() {
    ClientAddress address = ClientAddress.trusting("10.0.0.5");
    assertEquals("10.0.0.5", of(address, "10.0.0.5"));
  }
}
