package org.rapport.lti.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.lti.registration.Deployment;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.registration.RegistrationRequestView;
import org.rapport.lti.registration.RegistrationSettings;

/** The test platform's identity: its signing key (in memory), client id and demo people. */
@ApplicationScoped
public class DevPlatform {
  @Inject Clock clock;
  public static final String CLIENT_ID = "rapport-dev-client";
  public static final String DEPLOYMENT_ID = "rapport-dev-deployment";
  static final String PATH = "/dev/platform";

  /** The demo course's label and title, as the platform names it in every launch. */
  static final String COURSE_LABEL = "CLIN-101";

  static final String COURSE_TITLE = "Clinical Communication (demo course)";

  @Inject RegistrationRepository registrations;
  private RSAKey key;

  /** The {@code data} of content selections started and not answered yet, with their start. */
  private final java.util.concurrent.ConcurrentHashMap<String, Instant> openSelections =
      new java.util.concurrent.ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    try {
      key =
          new RSAKeyGenerator(2048)
              .keyID("dev-" + UUID.randomUUID())
              .algorithm(JWSAlgorithm.RS256)
              .keyUse(KeyUse.SIGNATURE)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not generate the test platform's key", e);
    }
  }

  public String issuer(URI base) {
    return base + PATH;
  }

  /** Registers the test platform with this Rapport (at this address) if it is not yet. */
  public void ensureRegistered(URI base) {
    String issuer = issuer(base);
    if (registrations.find(issuer, CLIENT_ID).isPresent()) {
      return;
    }
    RegistrationSettings settings =
        RegistrationSettings.from(
            new RegistrationRequestView(
                "Built-in test platform",
                "OTHER",
                issuer,
                CLIENT_ID,
                issuer + "/auth",
                issuer + "/token",
                issuer + "/jwks",
                RegistrationSettings.ACCEPT_ON_FIRST_SIGHT,
                true));
    registrations.create(issuer, CLIENT_ID, settings);
  }

  /** The registration a launch of the test platform goes through. */
  public record Target(String issuer, String clientId, String deploymentId) {}

  /** The built-in registration of the test platform. */
  public Target builtIn(URI base) {
    return new Target(issuer(base), CLIENT_ID, DEPLOYMENT_ID);
  }

  /**
   * The registration with the test platform's issuer and {@code clientId}, which the test platform
   * can stand in for (its auth endpoint and key set are the test platform's); the deployment is its
   * first known one. Empty when there is none.
   */
  public Optional<Target> target(URI base, String clientId) {
    if (CLIENT_ID.equals(clientId)) {
      return Optional.of(builtIn(base));
    }
    if (clientId == null) {
      return Optional.empty();
    }
    return registrations
        .find(issuer(base), clientId)
        .map(
            r ->
                new Target(
                    issuer(base),
                    clientId,
                    registrations.deployments(r.getId()).stream()
                        .findFirst()
                        .map(Deployment::getDeploymentId)
                        .orElse(DEPLOYMENT_ID)));
  }

  /** As {@link #target(URI, String)} for a registration id; empty unless it has our issuer. */
  public Optional<Target> target(URI base, long registrationId) {
    return registrations
        .find(registrationId)
        .filter(r -> r.getIssuer().equals(issuer(base)))
        .flatMap(r -> target(base, r.getClientId()));
  }

  /** The resource link the platform launches {@code target} from (one per Rapport page). */
  static String resourceLinkId(URI target) {
    return "dev-link-" + Integer.toHexString(target.getPath().hashCode());
  }

  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** Signs the id_token for a demo person's launch of {@code target}. */
  public String idToken(URI base, DemoPerson person, String nonce, URI target) {
    return idToken(base, person, nonce, target, Map.of());
  }

  /** As {@link #idToken(URI, DemoPerson, String, URI)}, with LTI custom parameters. */
  public String idToken(
      URI base, DemoPerson person, String nonce, URI target, Map<String, String> custom) {
    return idToken(builtIn(base), person, nonce, target, custom);
  }

  /** As {@link #idToken(URI, DemoPerson, String, URI, Map)}, through a given registration. */
  public String idToken(
      Target registration,
      DemoPerson person,
      String nonce,
      URI target,
      Map<String, String> custom) {
    return sign(launchClaims(registration, person, nonce, target, custom).build());
  }

  /**
   * Signs the id_token of a content-selection (deep-linking) request by {@code person}: Rapport is
   * to answer at {@link #deepLinkReturnUrl(URI)} with the items chosen, and echo {@code data}.
   */
  public String deepLinkingToken(
      URI base, DemoPerson person, String nonce, URI target, String data) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("deep_link_return_url", deepLinkReturnUrl(base));
    settings.put("accept_types", List.of("ltiResourceLink"));
    settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
    settings.put("accept_multiple", true);
    settings.put("accept_lineitem", true);
    settings.put("title", "Rapport activities for " + COURSE_TITLE);
    settings.put("data", data);
    return sign(
        launchClaims(builtIn(base), person, nonce, target, Map.of())
            .claim(MESSAGE_TYPE, DEEP_LINKING_REQUEST)
            .claim(RESOURCE_LINK, null)
            .claim(DEEP_LINKING_SETTINGS, settings)
            .build());
  }

  /** Starts a content selection: the {@code data} its request carries and its answer echoes. */
  public String openSelection() {
    Instant now = clock.instant();
    openSelections.values().removeIf(started -> started.isBefore(now.minusSeconds(3600)));
    String data = "dev-selection-" + UUID.randomUUID();
    openSelections.put(data, now);
    return data;
  }

  /** Whether {@code data} is of an open content selection, which this answer closes. */
  public boolean closeSelection(String data) {
    return openSelections.remove(data) != null;
  }

  /** Where the platform takes content-selection answers. */
  public String deepLinkReturnUrl(URI base) {
    return issuer(base) + "/deep-link-return";
  }

  static final String MESSAGE_TYPE = "https://purl.imsglobal.org/spec/lti/claim/message_type";
  static final String RESOURCE_LINK = "https://purl.imsglobal.org/spec/lti/claim/resource_link";
  static final String DEEP_LINKING_SETTINGS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
  static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

  private JWTClaimsSet.Builder launchClaims(
      Target registration,
      DemoPerson person,
      String nonce,
      URI target,
      Map<String, String> custom) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(registration.issuer())
        .audience(registration.clientId())
        .subject(person.subject())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", person.name())
        .claim("given_name", person.givenName())
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
        .claim(
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id", registration.deploymentId())
        .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target.toString())
        .claim(
            "https://purl.imsglobal.org/spec/lti/claim/resource_link",
            Map.of("id", resourceLinkId(target), "title", "Rapport"))
        .claim("https://purl.imsglobal.org/spec/lti/claim/roles", person.roleUris())
        .claim(
            "https://purl.imsglobal.org/spec/lti/claim/context",
            Map.of(
                "id",
                person.course(),
                "label",
                person.inDefaultCourse() ? COURSE_LABEL : person.course(),
                "title",
                person.inDefaultCourse() ? COURSE_TITLE : "Demo course " + person.course(),
                "type",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
        .claim(
            "https://purl.imsglobal.org/spec/lti/claim/tool_platform",
            Map.of("guid", "rapport-dev-platform", "name", "Rapport test platform"))
        .claim(
            "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
            Map.of("document_target", "iframe"))
        .claim(
            "https://purl.imsglobal.org/spec/lti/claim/custom",
            custom.isEmpty() ? null : Map.copyOf(custom));
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign the test launch", e);
    }
  }
}
