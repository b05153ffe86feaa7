package org.rapport.lti.protocol.launch;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.claims.AgsEndpoint;
import org.rapport.lti.protocol.claims.ClaimObject;
import org.rapport.lti.protocol.claims.ClaimReader;
import org.rapport.lti.protocol.claims.Context;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.claims.LaunchPresentation;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.claims.NrpsEndpoint;
import org.rapport.lti.protocol.claims.ResourceLink;
import org.rapport.lti.protocol.claims.RoleMapper;
import org.rapport.lti.protocol.keys.PlatformKeys;
import org.rapport.lti.protocol.outbound.PlatformHosts;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.DeploymentStore;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationStore;

/**
 * Validates the id_token a platform posts to Rapport's launch URL: 1EdTech Security Framework 1.0
 * §5.1.3 (authentication response validation) and LTI Core 1.3 §5.3-§5.4 (required message claims),
 * Deep Linking 2.0 §4.4 for deep-linking requests.
 *
 * <p>The steps run in this order; the first failing step rejects the launch with its {@link
 * LaunchFailure}:
 *
 * <ol>
 *   <li><b>size</b>: at most 64 KiB, before any parsing;
 *   <li><b>parse</b>: a compact JWS (an unsigned {@code alg: none} token parses but fails next);
 *   <li><b>algorithm</b>: the header's {@code alg} is RS256 and nothing else (no {@code none}, no
 *       HMAC keyed with the public key, no other algorithm);
 *   <li><b>registration</b>: {@code iss} and {@code aud} name an enabled registration, looked up by
 *       (iss, each aud value); the stored issuer must equal {@code iss} exactly;
 *   <li><b>signature</b>: the key named by {@code kid} in the registration's JWKS (refetched once
 *       on an unknown kid, see {@link PlatformKeys}), keys without {@code alg} accepted;
 *   <li><b>claims</b>: {@code azp} required with several audiences and equal to the client_id when
 *       present; {@code exp} in the future and {@code iat} (and {@code nbf}) not in the future,
 *       each within the skew;
 *   <li><b>state</b>: the state posted with the token equals the one bound to this browser;
 *   <li><b>nonce</b>: present and accepted once by the {@link NonceStore}, so it is consumed only
 *       for tokens whose signature and browser binding are good;
 *   <li><b>LTI claims</b>: {@code version} 1.3.0, supported {@code message_type}, {@code
 *       deployment_id}, {@code sub}, {@code roles} (may be empty), {@code target_link_uri} that is
 *       Rapport's, {@code resource_link.id} or {@code deep_linking_settings} by message type, the
 *       optional claims well-formed, and finally the deployment accepted by the registration's
 *       {@link DeploymentPolicy}.
 * </ol>
 *
 * Nothing is written by validation except the nonce; recording a first-seen deployment is left to
 * the caller.
 */
public final class LaunchValidator {
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
  public static final int MAX_TOKEN_CHARS = 64 * 1024;

  private final RegistrationStore registrations;
  private final DeploymentStore deployments;
  private final NonceStore nonces;
  private final PlatformKeys platformKeys;
  private final Clock clock;
  private final Duration skew;
  private final Predicate<URI> isOurTarget;

  public LaunchValidator(
      RegistrationStore registrations,
      DeploymentStore deployments,
      NonceStore nonces,
      PlatformKeys platformKeys,
      Clock clock,
      Duration skew,
      Predicate<URI> isOurTarget) {
    this.registrations = Objects.requireNonNull(registrations, "registrations");
    this.deployments = Objects.requireNonNull(deployments, "deployments");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    this.platformKeys = Objects.requireNonNull(platformKeys, "platformKeys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skew = Objects.requireNonNull(skew, "skew");
    this.isOurTarget = Objects.requireNonNull(isOurTarget, "isOurTarget");
    if (skew.isNegative()) {
      throw new IllegalArgumentException("The clock skew must not be negative");
    }
  }

  /** With the {@linkplain #DEFAULT_SKEW default clock skew} of 60 seconds. */
  public LaunchValidator(
      RegistrationStore registrations,
      DeploymentStore deployments,
      NonceStore nonces,
      PlatformKeys platformKeys,
      Clock clock,
      Predicate<URI> isOurTarget) {
    this(registrations, deployments, nonces, platformKeys, clock, DEFAULT_SKEW, isOurTarget);
  }

  /**
   * @param idToken the {@code id_token} form field
   * @param expectedState the state bound to this browser (cookie or platform storage), or null
   * @param receivedState the {@code state} form field posted with the token, or null
   * @throws LaunchRejected naming the first check that failed
   */
  public ValidatedLaunch validate(String idToken, String expectedState, String receivedState) {
    Attempt attempt = new Attempt();
    attempt.checkSize(idToken);
    JWT parsed = attempt.parse(idToken);
    SignedJWT jwt = attempt.checkAlgorithm(parsed);
    JWTClaimsSet claims = attempt.readClaims(jwt);
    Registration registration = attempt.resolveRegistration(claims);
    attempt.verifySignature(jwt, registration);
    attempt.checkAudience(claims, registration);
    attempt.checkTimes(claims);
    attempt.checkState(expectedState, receivedState);
    attempt.consumeNonce(claims);
    return attempt.readLtiClaims(claims, registration);
  }

  /** One validation; remembers the issuer and client_id seen so far for the rejection. */
  private final class Attempt {
    private final Instant now = clock.instant();
    private String issuer;
    private String clientId;

    void checkSize(String idToken) {
      if (idToken == null || idToken.isBlank()) {
        throw reject(LaunchFailure.TOKEN_MISSING, "No id_token was posted");
      }
      if (idToken.length() > MAX_TOKEN_CHARS) {
        throw reject(
            LaunchFailure.TOKEN_TOO_LARGE,
            "The id_token has "
                + idToken.length()
                + " characters; the limit is "
                + MAX_TOKEN_CHARS);
      }
    }

    JWT parse(String idToken) {
      try {
        return JWTParser.parse(idToken.trim());
      } catch (ParseException e) {
        throw reject(LaunchFailure.TOKEN_MALFORMED, "Not a JWT: " + e.getMessage());
      }
    }

    SignedJWT checkAlgorithm(JWT parsed) {
      Algorithm alg = parsed.getHeader().getAlgorithm();
      if (!(parsed instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(alg)) {
        throw reject(
            LaunchFailure.ALGORITHM_NOT_ALLOWED,
            "The id_token's alg is "
                + LaunchRejected.quote(alg == null ? null : alg.getName())
                + "; only RS256 is accepted");
      }
      return signed;
    }

    JWTClaimsSet readClaims(SignedJWT jwt) {
      try {
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        // Nimbus turns a numeric sub into text; OpenID Connect requires a string, and a user id
        // must not depend on how a number is printed.
        Object rawSubject = jwt.getPayload().toJSONObject().get("sub");
        if (rawSubject != null && !(rawSubject instanceof String)) {
          throw reject(LaunchFailure.CLAIM_INVALID, "Claim sub is not a string");
        }
        return claims;
      } catch (ParseException e) {
        throw reject(
            LaunchFailure.TOKEN_MALFORMED,
            "The payload is not a JWT claims set: " + e.getMessage());
      }
    }

    Registration resolveRegistration(JWTClaimsSet claims) {
      issuer = claims.getIssuer();
      if (issuer == null || issuer.isBlank()) {
        throw reject(LaunchFailure.ISSUER_MISSING, "No iss claim");
      }
      List<String> audience = claims.getAudience();
      if (audience.isEmpty()) {
        throw reject(LaunchFailure.AUDIENCE_MISSING, "No aud claim");
      }
      Optional<Registration> found = Optional.empty();
      for (String candidate : audience) {
        found = registrations.find(issuer, candidate);
        if (found.isPresent()) {
          break;
        }
      }
      if (found.isEmpty()) {
        if (registrations.findByIssuer(issuer).isEmpty()) {
          throw reject(
              LaunchFailure.ISSUER_UNKNOWN,
              "No registration for issuer " + LaunchRejected.quote(issuer));
        }
        throw reject(
            LaunchFailure.CLIENT_ID_UNKNOWN,
            "No registration for issuer "
                + LaunchRejected.quote(issuer)
                + " and aud "
                + LaunchRejected.quote(audience));
      }
      Registration registration = found.get();
      clientId = registration.clientId();
      if (!registration.issuer().equals(issuer)) {
        throw reject(
            LaunchFailure.ISSUER_MISMATCH,
            "iss "
                + LaunchRejected.quote(issuer)
                + " differs from the registered issuer "
                + LaunchRejected.quote(registration.issuer()));
      }
      if (!registration.enabled()) {
        throw reject(
            LaunchFailure.REGISTRATION_DISABLED,
            "Registration " + registration.id().value() + " is disabled");
      }
      return registration;
    }

    void verifySignature(SignedJWT jwt, Registration registration) {
      JWSHeader header = jwt.getHeader();
      if (header.getKeyID() == null || header.getKeyID().isBlank()) {
        throw reject(LaunchFailure.KEY_ID_MISSING, "The id_token header has no kid");
      }
      List<JWK> candidates;
      try {
        candidates =
            platformKeys
                .forRegistration(registration)
                .get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
      } catch (KeySourceException e) {
        throw reject(
            LaunchFailure.KEYS_UNAVAILABLE,
            "JWKS " + registration.jwksUri() + ": " + e.getMessage());
      }
      if (candidates.isEmpty()) {
        throw reject(
            LaunchFailure.KEY_UNKNOWN,
            "No RS256 signing key with kid "
                + LaunchRejected.quote(header.getKeyID())
                + " at "
                + registration.jwksUri());
      }
      for (JWK candidate : candidates) {
        if (candidate instanceof RSAKey rsa && verifies(jwt, rsa)) {
          return;
        }
      }
      throw reject(
          LaunchFailure.SIGNATURE_INVALID,
          "The signature does not verify with key " + LaunchRejected.quote(header.getKeyID()));
    }

    private boolean verifies(SignedJWT jwt, RSAKey key) {
      try {
        return jwt.verify(new RSASSAVerifier(key));
      } catch (JOSEException e) {
        return false;
      }
    }

    void checkAudience(JWTClaimsSet claims, Registration registration) {
      String azp = stringClaim(claims, "azp").orElse(null);
      if (claims.getAudience().size() > 1 && azp == null) {
        throw reject(
            LaunchFailure.AZP_MISSING,
            "aud has " + claims.getAudience().size() + " values and no azp");
      }
      if (azp != null && !azp.equals(registration.clientId())) {
        throw reject(
            LaunchFailure.AZP_MISMATCH,
            "azp "
                + LaunchRejected.quote(azp)
                + " is not the client_id "
                + LaunchRejected.quote(registration.clientId()));
      }
    }

    void checkTimes(JWTClaimsSet claims) {
      Date exp = claims.getExpirationTime();
      if (exp == null) {
        throw reject(LaunchFailure.EXPIRATION_MISSING, "No exp claim");
      }
      if (!now.isBefore(exp.toInstant().plus(skew))) {
        throw reject(
            LaunchFailure.TOKEN_EXPIRED,
            "exp " + exp.toInstant() + " is past at " + now + " (skew " + skew + ")");
      }
      Date iat = claims.getIssueTime();
      if (iat == null) {
        throw reject(LaunchFailure.ISSUED_AT_MISSING, "No iat claim");
      }
      if (iat.toInstant().isAfter(now.plus(skew))) {
        throw reject(
            LaunchFailure.ISSUED_IN_FUTURE,
            "iat " + iat.toInstant() + " is after " + now + " (skew " + skew + ")");
      }
      Date nbf = claims.getNotBeforeTime();
      if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
        throw reject(
            LaunchFailure.NOT_YET_VALID,
            "nbf " + nbf.toInstant() + " is after " + now + " (skew " + skew + ")");
      }
    }

    void checkState(String expectedState, String receivedState) {
      if (receivedState == null || receivedState.isBlank()) {
        throw reject(LaunchFailure.STATE_MISSING, "No state was posted with the id_token");
      }
      if (expectedState == null || expectedState.isBlank()) {
        throw reject(LaunchFailure.STATE_NOT_IN_BROWSER, "The browser holds no login state");
      }
      boolean same =
          MessageDigest.isEqual(
              expectedState.getBytes(StandardCharsets.UTF_8),
              receivedState.getBytes(StandardCharsets.UTF_8));
      if (!same) {
        throw reject(
            LaunchFailure.STATE_MISMATCH, "The posted state is not the browser's login state");
      }
    }

    void consumeNonce(JWTClaimsSet claims) {
      String nonce =
          stringClaim(claims, "nonce")
              .orElseThrow(() -> reject(LaunchFailure.NONCE_MISSING, "No nonce claim"));
      if (!nonces.consume(nonce, now)) {
        throw reject(
            LaunchFailure.NONCE_REPLAYED, "The nonce is not an unused nonce issued by Rapport");
      }
    }

    ValidatedLaunch readLtiClaims(JWTClaimsSet claims, Registration registration) {
      String version =
          stringClaim(claims, LtiClaims.VERSION)
              .orElseThrow(
                  () ->
                      reject(LaunchFailure.VERSION_MISSING, "No " + LtiClaims.VERSION + " claim"));
      if (!LtiClaims.SUPPORTED_VERSION.equals(version)) {
        throw reject(
            LaunchFailure.VERSION_UNSUPPORTED, "LTI version " + LaunchRejected.quote(version));
      }
      String messageTypeValue =
          stringClaim(claims, LtiClaims.MESSAGE_TYPE)
              .orElseThrow(
                  () ->
                      reject(
                          LaunchFailure.MESSAGE_TYPE_MISSING,
                          "No " + LtiClaims.MESSAGE_TYPE + " claim"));
      MessageType messageType =
          MessageType.fromClaim(messageTypeValue)
              .orElseThrow(
                  () ->
                      reject(
                          LaunchFailure.MESSAGE_TYPE_UNSUPPORTED,
                          "message_type " + LaunchRejected.quote(messageTypeValue)));
      String deploymentId =
          stringClaim(claims, LtiClaims.DEPLOYMENT_ID)
              .orElseThrow(
                  () ->
                      reject(
                          LaunchFailure.DEPLOYMENT_ID_MISSING,
                          "No " + LtiClaims.DEPLOYMENT_ID + " claim"));
      String subject =
          stringClaim(claims, "sub")
              .orElseThrow(() -> reject(LaunchFailure.SUBJECT_MISSING, "No sub claim"));
      List<String> roleUris =
          claimed(() -> ClaimReader.stringList(claims, LtiClaims.ROLES))
              .orElseThrow(
                  () -> reject(LaunchFailure.ROLES_MISSING, "No " + LtiClaims.ROLES + " claim"));
      URI targetLinkUri = targetLinkUri(claims);
      Optional<ResourceLink> resourceLink = claimed(() -> ResourceLink.from(claims));
      Optional<DeepLinkingSettings> deepLinking = claimed(() -> DeepLinkingSettings.from(claims));
      if (messageType == MessageType.RESOURCE_LINK && resourceLink.isEmpty()) {
        throw reject(
            LaunchFailure.RESOURCE_LINK_ID_MISSING, "No " + LtiClaims.RESOURCE_LINK + " claim");
      }
      if (messageType == MessageType.DEEP_LINKING && deepLinking.isEmpty()) {
        throw reject(
            LaunchFailure.DEEP_LINKING_SETTINGS_MISSING,
            "No " + LtiClaims.DEEP_LINKING_SETTINGS + " claim");
      }
      ValidatedLaunch launch =
          new ValidatedLaunch(
              registration,
              deploymentId,
              messageType,
              subject,
              Set.copyOf(roleUris),
              RoleMapper.map(roleUris),
              claimed(() -> Context.from(claims)),
              resourceLink,
              targetLinkUri,
              custom(claims),
              stringClaim(claims, "name"),
              stringClaim(claims, "email"),
              deepLinking,
              claimed(() -> AgsEndpoint.from(claims)),
              claimed(() -> NrpsEndpoint.from(claims)),
              claimed(() -> LaunchPresentation.from(claims)),
              claims);
      checkDeployment(registration, deploymentId);
      checkServiceHosts(registration, launch);
      return launch;
    }

    /** AGS and NRPS URLs must be on the registration's platform, never on a third host. */
    private void checkServiceHosts(Registration registration, ValidatedLaunch launch) {
      PlatformHosts platform =
          new PlatformHosts(
              java.util.Arrays.asList(
                  URI.create("https://" + hostOf(registration.issuer())),
                  registration.authEndpoint(),
                  registration.tokenEndpoint(),
                  registration.jwksUri()));
      List<URI> services = new java.util.ArrayList<>();
      launch
          .ags()
          .ifPresent(
              a -> {
                a.lineItems().ifPresent(services::add);
                a.lineItem().ifPresent(services::add);
              });
      launch.nrps().ifPresent(n -> services.add(n.contextMembershipsUrl()));
      for (URI service : services) {
        if (!platform.admits(service)) {
          throw reject(
              LaunchFailure.SERVICE_URL_FOREIGN,
              LaunchRejected.quote(service.toString())
                  + " is not on the platform's hosts "
                  + platform.hosts());
        }
      }
    }

    private static String hostOf(String issuer) {
      try {
        String host = URI.create(issuer.trim()).getHost();
        return host == null ? "invalid.invalid" : host;
      } catch (IllegalArgumentException e) {
        return "invalid.invalid";
      }
    }

    private URI targetLinkUri(JWTClaimsSet claims) {
      String text =
          stringClaim(claims, LtiClaims.TARGET_LINK_URI)
              .orElseThrow(
                  () ->
                      reject(
                          LaunchFailure.TARGET_LINK_URI_MISSING,
                          "No " + LtiClaims.TARGET_LINK_URI + " claim"));
      URI uri;
      try {
        uri = new URI(text.trim());
      } catch (java.net.URISyntaxException e) {
        throw reject(
            LaunchFailure.TARGET_LINK_URI_INVALID, "target_link_uri " + LaunchRejected.quote(text));
      }
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw reject(
            LaunchFailure.TARGET_LINK_URI_INVALID, "target_link_uri " + LaunchRejected.quote(text));
      }
      if (!isOurTarget.test(uri)) {
        throw reject(
            LaunchFailure.TARGET_LINK_URI_FOREIGN,
            "target_link_uri " + LaunchRejected.quote(text) + " is not a Rapport URL");
      }
      return uri;
    }

    /** The custom claim, values as strings; a nested object becomes its JSON text. */
    private Map<String, String> custom(JWTClaimsSet claims) {
      Map<String, String> custom = new LinkedHashMap<>();
      Optional<ClaimObject> object = claimed(() -> ClaimReader.object(claims, LtiClaims.CUSTOM));
      if (object.isEmpty()) {
        return custom;
      }
      for (Map.Entry<String, Object> member : object.get().members().entrySet()) {
        Object value = member.getValue();
        if (value instanceof Map<?, ?> map) {
          Map<String, Object> json = new LinkedHashMap<>();
          map.forEach((key, nested) -> json.put(String.valueOf(key), nested));
          custom.put(member.getKey(), JSONObjectUtils.toJSONString(json));
        } else if (value != null) {
          custom.put(member.getKey(), String.valueOf(value));
        }
      }
      return custom;
    }

    private void checkDeployment(Registration registration, String deploymentId) {
      boolean accepted =
          registration.deploymentPolicy() == DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT
              || deployments.isKnown(registration.id(), deploymentId);
      if (!accepted) {
        throw reject(
            LaunchFailure.DEPLOYMENT_UNKNOWN,
            "deployment_id "
                + LaunchRejected.quote(deploymentId)
                + " is not known for registration "
                + registration.id().value());
      }
    }

    private Optional<String> stringClaim(JWTClaimsSet claims, String name) {
      return claimed(() -> ClaimReader.string(claims, name));
    }

    /** Runs a claim reader, attaching this attempt's issuer and client_id to its rejection. */
    private <T> T claimed(java.util.function.Supplier<T> reader) {
      try {
        return reader.get();
      } catch (LaunchRejected e) {
        throw e.within(issuer, clientId);
      }
    }

    private LaunchRejected reject(LaunchFailure failure, String detail) {
      return new LaunchRejected(failure, detail, issuer, clientId);
    }
  }
}
