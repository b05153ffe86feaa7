package org.rapport.lti.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.outbound.OutboundPolicy;

/** Which outbound policy each combination of development mode and allow-loopback gives. */
class OutboundSettingsTest {
  private static OutboundPolicy policy(boolean devMode, Optional<Boolean> allowLoopback) {
    RapportSettings settings = new RapportSettings();
    settings.devMode = devMode;
    OutboundSettings outbound = new OutboundSettings();
    outbound.settings = settings;
    outbound.allowLoopback = allowLoopback;
    return outbound.policy();
  }

  @Test
  void productionCallsHttpsOnlyAndNeverLoopback() {
    assertEquals(new OutboundPolicy(true, false), policy(false, Optional.empty()));
  }

  @Test
  void developmentModeAllowsHttpAndLoopbackByDefault() {
    assertEquals(new OutboundPolicy(false, true), policy(true, Optional.empty()));
  }

  @Test
  void allowLoopbackOffHoldsEvenInDevelopmentMode() {
    assertEquals(new OutboundPolicy(false, false), policy(true, Optional.of(false)));
  }
}
