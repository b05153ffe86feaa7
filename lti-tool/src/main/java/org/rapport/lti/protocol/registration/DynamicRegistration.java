package org.rapport.lti.protocol.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.protocol.claims.AgsEndpoint;
import org.rapport.lti.protocol.claims.NrpsEndpoint;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundRefused;
import org.rapport.lti.protocol.outbound.OutboundResponse;

/**
 * LTI Dynamic Registration 1.0: the tool's side of registering with a platform.
 *
 * <ol>
 *   <li>The platform opens Rapport's registration page with {@code openid_configuration} and an
 *       optional {@code registration_token} (§3.3).
 *   <li>{@link #fetchConfiguration} reads the platform's OpenID configuration (§3.4) and checks
 *       that its {@code issuer} has the same origin (scheme, host, port) as the configuration URL
 *       (§3.5.1), that its endpoints use https (plain http only on the loopback interface, for
 *       tests and development) and that it signs id_tokens with RS256.
 *   <li>{@link #toolRegistrationRequest} describes Rapport (§3.5.2): an RFC 7591 client of
 *       application type web, implicit id_token flow, {@code private_key_jwt} client credentials,
 *       AGS and NRPS scopes, and the {@code lti-tool-configuration} extension.
 *   <li>{@link #register} posts it with the registration token as Bearer token and reads the
 *       client_id and deployment_id the platform assigned (§3.6).
 * </ol>
 *
 * The page then stores the registration and posts {@code {subject: "org.imsglobal.lti.close"}} to
 * the opener or parent window (§3.7); that part belongs to the web layer.
 */
public final class DynamicRegistration {
  public static final String TOOL_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-tool-configuration";
  public static final String PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";
  public static final List<String> REQUESTED_SCOPES =
      List.of(
          AgsEndpoint.SCOPE_LINEITEM,
          AgsEndpoint.SCOPE_LINEITEM_READONLY,
          AgsEndpoint.SCOPE_RESULT_READONLY,
          AgsEndpoint.SCOPE_SCORE,
          NrpsEndpoint.SCOPE_MEMBERSHIP_READONLY);
  private static final int MAX_RESPONSE_BYTES = 256 * 1024;

  private final Duration requestTimeout;

  public DynamicRegistration() {
    this(Duration.ofSeconds(10));
  }

  public DynamicRegistration(Duration requestTimeout) {
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /**
   * Reads and checks a platform's OpenID configuration.
   *
   * @throws DynamicRegistrationFailed if it cannot be read or does not pass the checks
   */
  public PlatformConfiguration fetchConfiguration(URI openidConfiguration, OutboundHttp http) {
    requireSecure("openid_configuration", openidConfiguration);
    HttpRequest request =
        HttpRequest.newBuilder(openidConfiguration)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    OutboundResponse response = send(http, request, true, "read the LMS's OpenID configuration");
    if (response.statusCode() != 200) {
      throw new DynamicRegistrationFailed(
          "The LMS's OpenID configuration at "
              + openidConfiguration
              + " answered HTTP "
              + response.statusCode()
              + ". Start the registration again from the LMS.");
    }
    Map<String, Object> json = parseJson(response.text(), "OpenID configuration");
    String issuer = requiredString(json, "issuer");
    if (!sameOrigin(uri("issuer", issuer), openidConfiguration)) {
      throw new DynamicRegistrationFailed(
          "The LMS's issuer "
              + issuer
              + " is not on the same site as its configuration URL "
              + openidConfiguration
              + ", so Rapport cannot trust it (LTI Dynamic Registration §3.5.1).");
    }
    List<String> algorithms = stringList(json, "id_token_signing_alg_values_supported");
    if (!algorithms.isEmpty() && !algorithms.contains("RS256")) {
      throw new DynamicRegistrationFailed(
          "The LMS does not sign launches with RS256 (it offers "
              + algorithms
              + "), which LTI 1.3 requires.");
    }
    Map<String, Object> lti = object(json, PLATFORM_CONFIGURATION);
    List<String> messages = new ArrayList<>();
    Object supported = lti.get("messages_supported");
    if (supported instanceof List<?> list) {
      for (Object message : list) {
        if (message instanceof Map<?, ?> map && map.get("type") instanceof String type) {
          messages.add(type);
        }
      }
    }
    return new PlatformConfiguration(
        issuer,
        secureUri(json, "authorization_endpoint"),
        secureUri(json, "token_endpoint"),
        secureUri(json, "jwks_uri"),
        secureUri(json, "registration_endpoint"),
        optionalString(json, "authorization_server"),
        new LinkedHashSet<>(stringList(json, "scopes_supported")),
        Optional.ofNullable(lti.get("product_family_code")).map(String::valueOf),
        messages);
  }

  /** The registration request describing Rapport (§3.5.2). */
  public ClientRegistrationRequest toolRegistrationRequest(ToolDescription tool) {
    Map<String, Object> resourceLink = new LinkedHashMap<>();
    resourceLink.put("type", "LtiResourceLinkRequest");
    resourceLink.put("target_link_uri", tool.targetLinkUri().toString());
    resourceLink.put("label", tool.clientName());

    Map<String, Object> deepLinking = new LinkedHashMap<>();
    deepLinking.put("type", "LtiDeepLinkingRequest");
    deepLinking.put("target_link_uri", tool.deepLinkingUri().toString());
    deepLinking.put("label", tool.clientName());
    if (!tool.deepLinkingPlacements().isEmpty()) {
      deepLinking.put("placements", tool.deepLinkingPlacements());
    }

    Map<String, Object> ltiConfiguration = new LinkedHashMap<>();
    ltiConfiguration.put("domain", domain(tool.targetLinkUri()));
    if (tool.description() != null) {
      ltiConfiguration.put("description", tool.description());
    }
    ltiConfiguration.put("target_link_uri", tool.targetLinkUri().toString());
    ltiConfiguration.put("claims", tool.claims());
    ltiConfiguration.put("messages", List.of(resourceLink, deepLinking));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("application_type", "web");
    body.put("response_types", List.of("id_token"));
    body.put("grant_types", List.of("implicit", "client_credentials"));
    body.put("initiate_login_uri", tool.initiateLoginUri().toString());
    body.put("redirect_uris", List.of(tool.redirectUri().toString()));
    body.put("client_name", tool.clientName());
    body.put("jwks_uri", tool.jwksUri().toString());
    if (tool.logoUri() != null) {
      body.put("logo_uri", tool.logoUri().toString());
    }
    body.put("token_endpoint_auth_method", "private_key_jwt");
    body.put("scope", String.join(" ", REQUESTED_SCOPES));
    body.put(TOOL_CONFIGURATION, ltiConfiguration);
    return new ClientRegistrationRequest(body);
  }

  /**
   * Posts the registration request to the platform's registration endpoint (§3.5.2) and reads its
   * answer (§3.6).
   *
   * @param registrationToken the {@code registration_token} the platform passed, or null
   * @throws DynamicRegistrationFailed if the platform refuses or answers without a client_id
   */
  public RegisteredClient register(
      PlatformConfiguration cfg,
      ClientRegistrationRequest req,
      String registrationToken,
      OutboundHttp http) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(cfg.registrationEndpoint())
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(req.toJson()));
    if (registrationToken != null && !registrationToken.isBlank()) {
      request.header("Authorization", "Bearer " + registrationToken);
    }
    OutboundResponse response = send(http, request.build(), false, "register with the LMS");
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new DynamicRegistrationFailed(
          "The LMS refused the registration (HTTP "
              + response.statusCode()
              + explainError(response.text())
              + "). Start the registration again from the LMS; a registration link can only be"
              + " used once and for a limited time.");
    }
    Map<String, Object> json = parseJson(response.text(), "registration response");
    String clientId = requiredString(json, "client_id");
    Map<String, Object> toolConfiguration = object(json, TOOL_CONFIGURATION);
    Optional<String> deploymentId =
        Optional.ofNullable(toolConfiguration.get("deployment_id"))
            .map(String::valueOf)
            .filter(id -> !id.isBlank());
    String granted = optionalString(json, "scope").orElse(req.scope());
    Set<String> scopes = new LinkedHashSet<>(Arrays.asList(granted.trim().split("\\s+")));
    scopes.remove("");
    return new RegisteredClient(clientId, deploymentId, scopes, cfg);
  }

  private static String domain(URI uri) {
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
            || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  private static OutboundResponse send(
      OutboundHttp http, HttpRequest request, boolean followRedirects, String purpose) {
    try {
      return http.send(request, MAX_RESPONSE_BYTES, followRedirects);
    } catch (OutboundRefused e) {
      throw new DynamicRegistrationFailed(
          "Rapport could not " + purpose + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new DynamicRegistrationFailed(
          "Rapport could not " + purpose + " at " + request.uri() + ": " + e.getMessage(), e);
    }
  }

  private static String explainError(String body) {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body);
      String error = json.get("error") == null ? "" : ": " + json.get("error");
      String description =
          json.get("error_description") == null ? "" : " - " + json.get("error_description");
      return error + description;
    } catch (ParseException | RuntimeException e) {
      return "";
    }
  }

  private static Map<String, Object> parseJson(String body, String what) {
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(body == null ? "" : body);
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      throw new DynamicRegistrationFailed("The LMS's " + what + " is not valid JSON.", e);
    }
    if (json == null) {
      // The JSON text "null" parses to no object at all.
      throw new DynamicRegistrationFailed("The LMS's " + what + " is not a JSON object.");
    }
    return json;
  }

  private static Map<String, Object> object(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, member) -> copy.put(String.valueOf(key), member));
      return copy;
    }
    return Map.of();
  }

  private static String requiredString(Map<String, Object> json, String name) {
    return optionalString(json, name)
        .orElseThrow(
            () -> new DynamicRegistrationFailed("The LMS's answer has no '" + name + "'."));
  }

  private static Optional<String> optionalString(Map<String, Object> json, String name) {
    Object value = json.get(name);
    return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
  }

  private static List<String> stringList(Map<String, Object> json, String name) {
    List<String> values = new ArrayList<>();
    if (json.get(name) instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    }
    return values;
  }

  private static URI secureUri(Map<String, Object> json, String name) {
    URI uri = uri(name, requiredString(json, name));
    requireSecure(name, uri);
    return uri;
  }

  private static URI uri(String name, String text) {
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute() && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new DynamicRegistrationFailed("The LMS's '" + name + "' is not an absolute URL: " + text);
  }

  private static void requireSecure(String name, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback =
        uri.getHost() != null
            && (uri.getHost().equalsIgnoreCase("localhost")
                || uri.getHost().startsWith("127.")
                || uri.getHost().equals("[::1]"));
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new DynamicRegistrationFailed("The LMS's '" + name + "' (" + uri + ") must use https.");
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
