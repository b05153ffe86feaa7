package org.rapport.lti.protocol.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundRefused;
import org.rapport.lti.protocol.outbound.OutboundResponse;

/**
 * Fetches one platform JWKS over HTTP, through the {@link OutboundHttp} guard (redirects
 * re-checked, the body capped while it is read), and caches it for as long as its {@code
 * Cache-Control} allows (within bounds), refetching early, rate-limited, when a caller misses a
 * key.
 */
final class HttpJwkSetSource implements JWKSetSource<SecurityContext> {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

  record CachePolicy(Duration defaultTtl, Duration minTtl, Duration maxTtl, Duration minRefetch) {}

  private record Cached(JWKSet keys, Instant expiresAt) {}

  private final URI uri;
  private final OutboundHttp http;
  private final Clock clock;
  private final Duration readTimeout;
  private final int maxBytes;
  private final CachePolicy policy;
  private final ReentrantLock lock = new ReentrantLock();
  private Cached cached;
  private Instant lastEarlyRefetch;

  HttpJwkSetSource(
      URI uri,
      OutboundHttp http,
      Clock clock,
      Duration readTimeout,
      int maxBytes,
      CachePolicy policy) {
    this.uri = uri;
    this.http = http;
    this.clock = clock;
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.policy = policy;
  }

  @Override
  public JWKSet getJWKSet(
      JWKSetCacheRefreshEvaluator refreshEvaluator, long ignoredTime, SecurityContext context)
      throws KeySourceException {
    lock.lock();
    try {
      Instant now = clock.instant();
      if (cached == null || !now.isBefore(cached.expiresAt())) {
        return fetch(now);
      }
      if (refreshEvaluator.requiresRefresh(cached.keys()) && earlyRefetchAllowed(now)) {
        lastEarlyRefetch = now;
        return fetch(now);
      }
      return cached.keys();
    } finally {
      lock.unlock();
    }
  }

  private boolean earlyRefetchAllowed(Instant now) {
    return lastEarlyRefetch == null || !now.isBefore(lastEarlyRefetch.plus(policy.minRefetch()));
  }

  private JWKSet fetch(Instant now) throws KeySourceException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(readTimeout)
            .header("Accept", "application/jwk-set+json, application/json")
            .GET()
            .build();
    OutboundResponse response;
    try {
      response = http.send(request, maxBytes, true);
    } catch (OutboundRefused e) {
      throw new JWKSetUnavailableException(e.getMessage(), e);
    } catch (IOException e) {
      throw new JWKSetUnavailableException("Could not fetch the JWKS at " + uri + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new JWKSetUnavailableException(
          "The JWKS at " + uri + " answered HTTP " + response.statusCode(), null);
    }
    String body = response.text();
    JWKSet keys;
    try {
      keys = JWKSet.parse(body).toPublicJWKSet();
    } catch (ParseException e) {
      throw new JWKSetParseException("The JWKS at " + uri + " is not a valid JWK set", e);
    }
    Duration ttl = ttl(response.headers().firstValue("Cache-Control").orElse(null));
    cached = new Cached(keys, now.plus(ttl));
    return keys;
  }

  Duration ttl(String cacheControl) {
    if (cacheControl == null || cacheControl.isBlank()) {
      return policy.defaultTtl();
    }
    String directives = cacheControl.toLowerCase(Locale.ROOT);
    if (directives.contains("no-store") || directives.contains("no-cache")) {
      return policy.minTtl();
    }
    Matcher maxAge = MAX_AGE.matcher(directives);
    if (!maxAge.find()) {
      return policy.defaultTtl();
    }
    Duration requested;
    try {
      requested = Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
    } catch (NumberFormatException e) {
      requested = policy.maxTtl();
    }
    if (requested.compareTo(policy.minTtl()) < 0) {
      return policy.minTtl();
    }
    return requested.compareTo(policy.maxTtl()) > 0 ? policy.maxTtl() : requested;
  }

  @Override
  public void close() {}
}
