package org.rapport.lti.testdata;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;

/**
 * The launch data of the protocol unit tests: a platform at {@code https://platform.example.edu}
 * whose id_tokens are signed with {@link TestKeys#KEY_1} and whose key set a {@link
 * LtiTestPlatform} serves (see {@link #registration}). Unit tests build claims at a fixed instant
 * with these.
 */
public final class ExampleLaunch {
  public static final String ISSUER = "https://platform.example.edu";
  public static final String CLIENT_ID = "rapport-client-1";
  public static final String DEPLOYMENT_ID = "deployment-1";
  public static final URI TOOL_BASE = URI.create("https://rapport.example.edu/");
  public static final URI TARGET_LINK_URI = URI.create("https://rapport.example.edu/lti/launch");
  public static final URI AUTH_ENDPOINT = URI.create("https://platform.example.edu/auth");
  public static final URI TOKEN_ENDPOINT = URI.create("https://platform.example.edu/token");
  public static final String ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

  private ExampleLaunch() {}

  /** The example platform's registration, its keys read from {@code lms}. */
  public static Registration registration(
      LtiTestPlatform lms, long id, DeploymentPolicy policy, boolean enabled) {
    return registration(lms.jwksUri(), id, policy, enabled);
  }

  /** The example platform's registration, its keys read from {@code jwksUri}. */
  public static Registration registration(
      URI jwksUri, long id, DeploymentPolicy policy, boolean enabled) {
    return new Registration(
        new RegistrationId(id),
        ISSUER,
        CLIENT_ID,
        AUTH_ENDPOINT,
        TOKEN_ENDPOINT,
        jwksUri,
        policy,
        enabled);
  }

  /** Claims of a valid resource-link launch issued at {@code now}. */
  public static JWTClaimsSet.Builder resourceLinkClaims(Instant now, String nonce) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("user-42")
        .audience(CLIENT_ID)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Ada Lovelace")
        .claim("email", "ada@example.edu")
        .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT_ID)
        .claim(LtiClaims.TARGET_LINK_URI, TARGET_LINK_URI.toString())
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-7", "title", "Empathy module 1"))
        .claim(LtiClaims.ROLES, List.of(ROLE + "Learner"))
        .claim(
            LtiClaims.CONTEXT,
            Map.of("id", "course-1", "label", "MED101", "title", "Clinical communication"));
  }

  /** Claims of a valid deep-linking request issued at {@code now}. */
  public static JWTClaimsSet.Builder deepLinkingClaims(Instant now, String nonce) {
    return resourceLinkClaims(now, nonce)
        .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")
        .claim(LtiClaims.RESOURCE_LINK, null)
        .claim(LtiClaims.ROLES, List.of(ROLE + "Instructor"))
        .claim(
            LtiClaims.DEEP_LINKING_SETTINGS,
            Map.of(
                "deep_link_return_url",
                "https://platform.example.edu/deep_links",
                "accept_types",
                List.of("ltiResourceLink"),
                "accept_presentation_document_targets",
                List.of("iframe", "window"),
                "accept_multiple",
                false,
                "accept_lineitem",
                true,
                "data",
                "opaque-platform-data"));
  }

  /** Signs with {@link TestKeys#KEY_1}, the example platform's key. */
  public static String sign(JWTClaimsSet claims) {
    return TestKeys.sign(claims, TestKeys.KEY_1);
  }
}
