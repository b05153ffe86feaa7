package org.rapport.lti.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which sites may frame Rapport's launched pages: Rapport itself, the origins of every enabled
 * registration's issuer and OIDC authorization endpoint, and the origins named in {@code
 * rapport.security.frame-ancestors} (for an LMS whose pages live on another host than its issuer,
 * such as a school's own Canvas address). Read from the database at most every {@link #FRESH}.
 */
@ApplicationScoped
public class FrameAncestors {
  static final Duration FRESH = Duration.ofSeconds(30);

  @Inject
  @ConfigProperty(name = "rapport.security.frame-ancestors")
  Optional<String> configured;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** After a change, how long every answer reads the registrations afresh (until it committed). */
  static final Duration SETTLING = Duration.ofSeconds(5);

  private volatile String cached;
  private volatile long cachedAt;
  private volatile long settlingUntil = System.nanoTime();

  /**
   * Registrations changed on this node: read them afresh for a few seconds, so that a platform may
   * frame Rapport as soon as its registration is committed (other nodes within {@link #FRESH}).
   */
  public void invalidate() {
    cached = null;
    settlingUntil = System.nanoTime() + SETTLING.toNanos();
  }

  /** The CSP source list, e.g. {@code 'self' https://lms.example.edu}. */
  public String sources() {
    if (System.nanoTime() - settlingUntil < 0) {
      return compute();
    }
    String value = cached;
    if (value == null || System.nanoTime() - cachedAt > FRESH.toNanos()) {
      value = compute();
      cached = value;
      cachedAt = System.nanoTime();
    }
    return value;
  }

  @Transactional
  String compute() {
    TreeSet<String> origins = new TreeSet<>();
    List<Object[]> rows;
    try {
      rows =
          em.createQuery(
                  "select r.issuer, r.authEndpoint from PlatformRegistration r"
                      + " where r.enabled = true",
                  Object[].class)
              .getResultList();
    } catch (RuntimeException databaseNotReady) {
      rows = List.of();
    }
    for (Object[] row : rows) {
      for (Object url : row) {
        origin(String.valueOf(url)).ifPresent(origins::add);
      }
    }
    configured.ifPresent(
        list ->
            Arrays.stream(list.split("[\\s,]+"))
                .map(FrameAncestors::origin)
                .flatMap(Optional::stream)
                .forEach(origins::add));
    return ("'self' " + String.join(" ", origins)).strip();
  }

  /** {@code scheme://host[:port]} of an http(s) URL; empty for anything else. */
  public static Optional<String> origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        return Optional.empty();
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      // A host may only hold the characters of a DNS name or an IP literal: nothing that could
      // end the CSP source list.
      if (!host.matches("[a-z0-9.\\-\\[\\]:]+")) {
        return Optional.empty();
      }
      return Optional.of(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
