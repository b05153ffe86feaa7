package org.rapport.lti.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Outside development mode Rapport does not start without {@code rapport.public-url}: otherwise the
 * addresses it gives platforms and people (launch and JWKS URLs, dynamic registration, mail links)
 * would come from whatever {@code Host} a request claims.
 */
@Startup
@Singleton
public class PublicUrlCheck {
  private static final Logger LOG = Logger.getLogger(PublicUrlCheck.class.getName());

  @Inject RapportSettings settings;

  @PostConstruct
  void check() {
    problem(settings.devMode(), settings.publicUrlSetting())
        .ifPresent(
            problem -> {
              LOG.severe(problem);
              throw new IllegalStateException(problem);
            });
  }

  /** Why Rapport must not start with these settings, or empty when it may. */
  static Optional<String> problem(boolean devMode, Optional<String> publicUrl) {
    Optional<String> value = publicUrl.map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return devMode
          ? Optional.empty()
          : Optional.of(
              "Rapport does not start: rapport.public-url (environment variable"
                  + " RAPPORT_PUBLIC_URL) is not set. Set it to the https address platforms and"
                  + " people reach Rapport at, e.g. https://rapport.example.edu; only development"
                  + " mode (rapport.dev-mode=true) may go without it.");
    }
    try {
      URI uri = URI.create(value.get());
      boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
        return Optional.of(
            "Rapport does not start: rapport.public-url must be an absolute http(s) address"
                + " without query or fragment, e.g. https://rapport.example.edu.");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "Rapport does not start: rapport.public-url is not a valid address; use e.g."
              + " https://rapport.example.edu.");
    }
  }
}
