package org.rapport.lti.protocol.keys;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.rapport.lti.protocol.outbound.Connector;
import org.rapport.lti.protocol.outbound.HostResolver;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundPolicy;
import org.rapport.lti.protocol.registration.Registration;

/**
 * Platform keys fetched from each registration's JWKS URL (Security Framework §6.3): one Nimbus
 * {@link JWKSourceBuilder} source per URL, shared by every registration that uses it.
 *
 * <ul>
 *   <li>Cached for the response's {@code Cache-Control: max-age}, clamped to [{@code minTtl},
 *       {@code maxTtl}]; {@code no-store}, {@code no-cache} and {@code max-age=0} give {@code
 *       minTtl}, a response without the header gives {@code defaultTtl}.
 *   <li>A key id not in the cached set triggers one refetch, at most once per {@code
 *       minRefetchInterval} per URL, so forged {@code kid}s cannot make Rapport hammer a platform.
 *   <li>Every fetch goes through the {@link OutboundHttp} guard (no internal addresses, redirects
 *       re-checked, timeouts); the body is capped at 64 KiB while it is read; a failed fetch is
 *       retried once.
 * </ul>
 */
public final class RemotePlatformKeys implements PlatformKeys {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  public static final Duration MIN_TTL = Duration.ofMinutes(1);
  public static final Duration MAX_TTL = Duration.ofHours(24);
  public static final int MAX_JWKS_BYTES = 64 * 1024;

  private final OutboundHttp http;
  private final Clock clock;
  private final Duration readTimeout;
  private final Duration minRefetchInterval;
  private final Duration defaultTtl;
  private final Map<URI, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

  /** Production defaults: 5 s timeouts, 30 s refetch interval, 5 min default cache time. */
  public RemotePlatformKeys(OutboundPolicy policy, Clock clock) {
    this(
        new OutboundHttp(
            policy,
            HostResolver.SYSTEM,
            Connector.SYSTEM,
            DEFAULT_CONNECT_TIMEOUT,
            DEFAULT_READ_TIMEOUT),
        clock,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_MIN_REFETCH_INTERVAL,
        DEFAULT_TTL);
  }

  /**
   * @param http the guarded client
   * @param readTimeout the limit for each JWKS request once connected
   */
  public RemotePlatformKeys(
      OutboundHttp http,
      Clock clock,
      Duration readTimeout,
      Duration minRefetchInterval,
      Duration defaultTtl) {
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
    this.defaultTtl = Objects.requireNonNull(defaultTtl, "defaultTtl");
  }

  @Override
  public JWKSource<SecurityContext> forRegistration(Registration registration) {
    return sources.computeIfAbsent(registration.jwksUri(), this::sourceFor);
  }

  private JWKSource<SecurityContext> sourceFor(URI jwksUri) {
    HttpJwkSetSource http =
        new HttpJwkSetSource(
            jwksUri,
            this.http,
            clock,
            readTimeout,
            MAX_JWKS_BYTES,
            new HttpJwkSetSource.CachePolicy(defaultTtl, MIN_TTL, MAX_TTL, minRefetchInterval));
    // Caching and rate limiting live in HttpJwkSetSource because only it sees Cache-Control; the
    // builder contributes the unknown-kid refetch (JWKSetBasedJWKSource) and one retry.
    return JWKSourceBuilder.create(http)
        .cache(false)
        .refreshAheadCache(false)
        .rateLimited(false)
        .retrying(true)
        .build();
  }
}
