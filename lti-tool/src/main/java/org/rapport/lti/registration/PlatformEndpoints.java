package org.rapport.lti.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform addresses an LMS product uses, so the registration wizard can fill them in: fixed
 * ones (Canvas cloud, Blackboard's developer portal) and those that follow from the LMS site's
 * address (Moodle, Brightspace, Sakai, self-hosted Canvas). The LMS shows the same values after the
 * tool is registered there; an administrator who sees a different one there copies that instead.
 *
 * <p>Sources: Canvas's "Configuring Canvas in the tool" developer documentation (cloud key sets per
 * environment) and its authorize_redirect and token routes; Moodle's {@code
 * mod/lti/openid-configuration.php} ({@code /mod/lti/auth.php}, {@code /mod/lti/token.php}, {@code
 * /mod/lti/certs.php}); Anthology's developer portal for Blackboard Learn (issuer {@code
 * https://blackboard.com}, one key set per application id); Brightspace's {@code
 * /d2l/lti/authenticate} and {@code /d2l/.well-known/jwks} on the institution's host with the token
 * service at {@code auth.brightspace.com}; Sakai's LTI admin tool ({@code
 * /imsoidc/lti13/oidc_auth}, {@code /imsblis/lti13/token/<tool id>}, {@code
 * /imsblis/lti13/keyset}).
 */
public final class PlatformEndpoints {
  public static final String CANVAS_CLOUD_ISSUER = "https://canvas.instructure.com";
  static final String BLACKBOARD_ISSUER = "https://blackboard.com";
  static final String BLACKBOARD_PORTAL = "https://developer.blackboard.com";
  static final String BRIGHTSPACE_TOKEN = "https://auth.brightspace.com/core/connect/token";

  private PlatformEndpoints() {}

  /** What the administrator told the wizard about the LMS. */
  public record Site(String siteUrl, String clientId, String toolId) {
    public static final Site NONE = new Site(null, null, null);
  }

  /**
   * The values the wizard fills in; a null component is one the LMS alone knows (the administrator
   * copies it from the LMS).
   */
  public record Filled(String issuer, String authEndpoint, String tokenEndpoint, String jwksUri) {
    static final Filled NOTHING = new Filled(null, null, null, null);
  }

  /** The addresses {@code kind} uses for the site described, as far as they are known. */
  public static Filled fill(PlatformKind kind, Site site) {
    Optional<String> root = root(site.siteUrl());
    return switch (kind) {
      case CANVAS -> canvas(root.orElse(CANVAS_CLOUD_ISSUER));
      case MOODLE ->
          root.map(
                  r ->
                      new Filled(
                          r,
                          r + "/mod/lti/auth.php",
                          r + "/mod/lti/token.php",
                          r + "/mod/lti/certs.php"))
              .orElse(Filled.NOTHING);
      case BLACKBOARD ->
          new Filled(
              BLACKBOARD_ISSUER,
              BLACKBOARD_PORTAL + "/api/v1/gateway/oidcauth",
              BLACKBOARD_PORTAL + "/api/v1/gateway/oauth2/jwttoken",
              blank(site.clientId())
                  ? null
                  : BLACKBOARD_PORTAL
                      + "/api/v1/management/applications/"
                      + site.clientId().strip()
                      + "/jwks.json");
      case D2L ->
          root.map(
                  r ->
                      new Filled(
                          r,
                          r + "/d2l/lti/authenticate",
                          BRIGHTSPACE_TOKEN,
                          r + "/d2l/.well-known/jwks"))
              .orElse(Filled.NOTHING);
      case SAKAI ->
          root.map(
                  r ->
                      new Filled(
                          r,
                          r + "/imsoidc/lti13/oidc_auth",
                          toolId(site.toolId())
                              .map(id -> r + "/imsblis/lti13/token/" + id)
                              .orElse(null),
                          r + "/imsblis/lti13/keyset"))
              .orElse(Filled.NOTHING);
      case OTHER -> Filled.NOTHING;
    };
  }

  /**
   * Canvas cloud uses one issuer per environment and its own SSO hosts; a self-hosted Canvas
   * answers on its own host.
   */
  private static Filled canvas(String root) {
    String host = URI.create(root).getHost().toLowerCase(Locale.ROOT);
    String sso =
        switch (host) {
          case "canvas.instructure.com" -> "https://sso.canvaslms.com";
          case "canvas.beta.instructure.com" -> "https://sso.beta.canvaslms.com";
          case "canvas.test.instructure.com" -> "https://sso.test.canvaslms.com";
          default -> root;
        };
    return new Filled(
        root,
        sso + "/api/lti/authorize_redirect",
        sso + "/login/oauth2/token",
        sso + "/api/lti/security/jwks");
  }

  /** The site's address without a trailing slash, query or fragment; empty when it is no URL. */
  static Optional<String> root(String siteUrl) {
    if (blank(siteUrl)) {
      return Optional.empty();
    }
    String text = siteUrl.strip();
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        return Optional.empty();
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> toolId(String toolId) {
    return blank(toolId) || !toolId.strip().matches("[0-9]{1,18}")
        ? Optional.empty()
        : Optional.of(toolId.strip());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
