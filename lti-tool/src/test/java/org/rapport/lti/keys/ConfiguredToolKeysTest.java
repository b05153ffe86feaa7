package org.rapport.lti.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;

class ConfiguredToolKeysTest {
  @Test
  void theFirstConfiguredKeySignsAndEveryKeyIsPublished() {
    Instant now = Instant.parse("2026-03-02T08:00:00Z");
    ToolKey current = ToolKeyRing.generate(now, now);
    ToolKey next = ToolKeyRing.generate(now, now);
    String json = new JWKSet(List.of(current.jwk(), next.jwk())).toString(false);

    List<ToolKey> keys = ToolKeys.fromJwkSet(json);
    ToolKeyRing ring = new ToolKeyRing(keys, Clock.fixed(now, ZoneOffset.UTC));
    assertEquals(current.kid(), ring.signingKey().kid());
    assertEquals(2, ring.publicJwks().getKeys().size());
    assertFalse(ring.publicJwks().toString(true).contains("\"d\""), "public parts only");
  }

  @Test
  void aPublicKeyOrAnythingElseIsRefusedWithoutShowingIt() {
    Instant now = Instant.parse("2026-03-02T08:00:00Z");
    String publicOnly =
        new JWKSet(ToolKeyRing.generate(now, now).jwk().toPublicJWK()).toString(true);
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> ToolKeys.fromJwkSet(publicOnly));
    assertTrue(refused.getMessage().contains("rapport.secrets.tool-keys"), refused.getMessage());
    assertThrows(IllegalStateException.class, () -> ToolKeys.fromJwkSet("not json"));
    assertThrows(IllegalStateException.class, () -> ToolKeys.fromJwkSet("{\"keys\": []}"));
  }
}
