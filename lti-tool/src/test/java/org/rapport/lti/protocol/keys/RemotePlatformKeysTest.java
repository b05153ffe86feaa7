package org.rapport.lti.protocol.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundPolicy;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.testdata.MutableClock;
import org.rapport.lti.testdata.ExampleLaunch;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.TestKeys;

class RemotePlatformKeysTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private LtiTestPlatform platform;
  private RemotePlatformKeys keys;

  @BeforeEach
  void start() {
    platform = LtiTestPlatform.startWith(TestKeys.KEY_1);
    keys =
        new RemotePlatformKeys(
            new OutboundHttp(OutboundPolicy.development()),
            clock,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5));
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private List<JWK> lookUp(String kid) throws KeySourceException {
    Registration registration =
        ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true);
    JWKSource<SecurityContext> source = keys.forRegistration(registration);
    return source.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
  }

  @Test
  void cachesForTheDefaultTimeWithoutCacheControl() throws Exception {
    lookUp("platform-key-1");
    clock.advance(Duration.ofMinutes(4));
    lookUp("platform-key-1");
    assertEquals(1, platform.jwksRequests());

    clock.advance(Duration.ofMinutes(1));
    lookUp("platform-key-1");
    assertEquals(2, platform.jwksRequests());
  }

  @Test
  void honoursCacheControlMaxAge() throws Exception {
    platform.cacheControl("public, max-age=3600");

    lookUp("platform-key-1");
    clock.advance(Duration.ofMinutes(59));
    lookUp("platform-key-1");
    assertEquals(1, platform.jwksRequests());

    clock.advance(Duration.ofMinutes(1));
    lookUp("platform-key-1");
    assertEquals(2, platform.jwksRequests());
  }

  @Test
  void sharesOneSourcePerJwksUrl() throws Exception {
    Registration a = ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true);
    Registration b =
        ExampleLaunch.registration(platform, 2, DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT, true);

    assertEquals(keys.forRegistration(a), keys.forRegistration(b));
  }

  @Test
  void reportsAnUnreachableJwksAsUnavailable() {
    Registration unreachable =
        ExampleLaunch.registration(
            URI.create("http://127.0.0.1:1/jwks"), 1, DeploymentPolicy.REJECT_UNKNOWN, true);

    assertThrows(
        KeySourceException.class,
        () ->
            keys.forRegistration(unreachable)
                .get(new JWKSelector(new JWKMatcher.Builder().build()), null));
  }

  @ParameterizedTest(name = "Cache-Control: {0} -> {1} s")
  @CsvSource(
      delimiter = '|',
      value = {
        "max-age=600 | 600",
        "public, max-age=120, must-revalidate | 120",
        "max-age=5 | 60",
        "max-age=0 | 60",
        "no-store | 60",
        "no-cache | 60",
        "max-age=999999999 | 86400",
        "private | 300",
        "'' | 300",
      })
  void clampsTheCacheTime(String header, long seconds) {
    HttpJwkSetSource source =
        new HttpJwkSetSource(
            URI.create("http://127.0.0.1/jwks"),
            new OutboundHttp(OutboundPolicy.development()),
            Clock.systemUTC(),
            Duration.ofSeconds(1),
            1024,
            new HttpJwkSetSource.CachePolicy(
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofHours(24),
                Duration.ofSeconds(30)));

    assertEquals(Duration.ofSeconds(seconds), source.ttl(header));
  }

  @Test
  void refusesAnOversizedJwks() {
    HttpJwkSetSource source =
        new HttpJwkSetSource(
            platform.jwksUri(),
            new OutboundHttp(OutboundPolicy.development()),
            clock,
            Duration.ofSeconds(5),
            100,
            new HttpJwkSetSource.CachePolicy(
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofHours(24),
                Duration.ofSeconds(30)));

    KeySourceException refused =
        assertThrows(
            KeySourceException.class,
            () -> source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), 0, null));
    assertTrue(
        refused.getMessage().contains("larger than Rapport accepts")
            && refused.getMessage().contains("limit 100 bytes"),
        refused.getMessage());
  }
}
