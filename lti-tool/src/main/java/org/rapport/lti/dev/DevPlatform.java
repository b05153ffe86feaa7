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

  @Inject RegistrationRepository registrations;
  private RSAKey key;

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
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(registration.issuer())
            .audience(registration.clientId())
            .subject(person.subject())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", nonce)
            .claim("name", person.name())
            .claim("given_name", person.givenName())
            .claim(
                "https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
            .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
            .claim(
                "https://purl.imsglobal.org/spec/lti/claim/deployment_id",
                registration.deploymentId())
            .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target.toString())
            .claim(
                "https://purl.imsglobal.org/spec/lti/claim/resource_link",
                Map.of(
                    "id",
                    "dev-link-" + Integer.toHexString(target.getPath().hashCode()),
                    "title",
                    "Rapport"))
            .claim("https://purl.imsglobal.org/spec/lti/claim/roles", person.roleUris())
            .claim(
                "https://purl.imsglobal.org/spec/lti/claim/context",
                Map.of(
                    "id",
                    person.course(),
                    "label",
                    person.inDefaultCourse() ? "CLIN-101" : person.course(),
                    "title",
                    person.inDefaultCourse()
                        ? "Clinical Communication (demo course)"
                        : "Demo course " + person.course(),
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
                custom.isEmpty() ? null : Map.copyOf(custom))
            .build();
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
