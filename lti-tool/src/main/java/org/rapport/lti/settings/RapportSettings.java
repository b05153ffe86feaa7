package org.rapport.lti.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rapport's settings. Every key can be overridden by an environment variable (for example {@code
 * rapport.dev-mode} by {@code RAPPORT_DEV_MODE}); the README lists them all.
 */
@ApplicationScoped
public class RapportSettings {
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "rapport.dev-mode", defaultValue = "false")
  boolean devMode;

  @Inject
  @ConfigProperty(name = "rapport.public-url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "rapport.admin.password")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "rapport.lti.clock-skew-seconds", defaultValue = "60")
  long clockSkewSeconds;

  @Inject
  @ConfigProperty(name = "rapport.session.minutes", defaultValue = "120")
  long sessionMinutes;

  @Inject
  @ConfigProperty(name = "rapport.assessment.time-zone", defaultValue = "UTC")
  String assessmentTimeZone;

  /** Development mode turns on the built-in test platform; only configuration can set it. */
  public boolean devMode() {
    return devMode;
  }

  /**
   * The configured address people and platforms reach Rapport at, without a trailing slash; when
   * not configured, each request's own address is used ({@link #publicUrl(URI)}).
   */
  public Optional<URI> configuredPublicUrl() {
    return publicUrl
        .filter(u -> !u.isBlank())
        .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
        .map(URI::create);
  }

  /** The raw {@code rapport.public-url} setting, as configured. */
  public Optional<String> publicUrlSetting() {
    return publicUrl;
  }

  /** The public address for a request whose base URI (as the container saw it) is given. */
  public URI publicUrl(URI requestBase) {
    return configuredPublicUrl()
        .orElseGet(
            () -> {
              String base = requestBase.toString();
              return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            });
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(p -> !p.isBlank());
  }

  public Duration clockSkew() {
    return Duration.ofSeconds(clockSkewSeconds);
  }

  public Duration sessionLifetime() {
    return Duration.ofMinutes(sessionMinutes);
  }

  /**
   * The time zone whose calendar days open and close waves ({@code rapport.assessment.time-zone},
   * default UTC).
   */
  public ZoneId assessmentZone() {
    return ZoneId.of(assessmentTimeZone);
  }

  /** Today in {@link #assessmentZone()}. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(assessmentZone()));
  }
}
