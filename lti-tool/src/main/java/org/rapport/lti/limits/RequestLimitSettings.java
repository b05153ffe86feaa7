package org.rapport.lti.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The body-size and rate limits ({@code rapport.limits.*}); the README lists them. */
@ApplicationScoped
public class RequestLimitSettings {
  @Inject
  @ConfigProperty(name = "rapport.limits.lti-bytes", defaultValue = "131072")
  long ltiBytes;

  @Inject
  @ConfigProperty(name = "rapport.limits.import-bytes", defaultValue = "52428800")
  long importBytes;

  @Inject
  @ConfigProperty(name = "rapport.limits.body-bytes", defaultValue = "1048576")
  long bodyBytes;

  @Inject
  @ConfigProperty(name = "rapport.limits.logins-per-minute-per-address", defaultValue = "300")
  int loginsPerAddress;

  @Inject
  @ConfigProperty(name = "rapport.limits.logins-per-minute-per-platform", defaultValue = "3000")
  int loginsPerPlatform;

  @Inject
  @ConfigProperty(
      name = "rapport.limits.refused-launches-per-minute-per-address",
      defaultValue = "60")
  int refusedLaunchesPerAddress;

  @Inject
  @ConfigProperty(
      name = "rapport.limits.refused-launches-per-minute-per-platform",
      defaultValue = "600")
  int refusedLaunchesPerPlatform;

  /** The largest body accepted at this path (context-relative, starting with {@code /}). */
  public long bodyLimit(String path) {
    return BodyLimits.of(ltiBytes, importBytes, bodyBytes).forPath(path);
  }

  /** The largest import file, in bytes ({@code rapport.limits.import-bytes}). */
  public long importBytes() {
    return importBytes;
  }

  public int loginsPerAddress() {
    return loginsPerAddress;
  }

  public int loginsPerPlatform() {
    return loginsPerPlatform;
  }

  public int refusedLaunchesPerAddress() {
    return refusedLaunchesPerAddress;
  }

  public int refusedLaunchesPerPlatform() {
    return refusedLaunchesPerPlatform;
  }
}
