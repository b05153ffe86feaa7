package org.rapport.lti.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test platform's check of Rapport's answer to a content selection (Deep Linking 2.0 §4.5,
 * {@code LtiDeepLinkingResponse}), as an LMS makes it before it adds anything to a course: signed
 * by one of Rapport's published keys, issued by the platform's client id for this platform, not
 * expired, for the platform's deployment, echoing the request's {@code data}. Each failure is a
 * sentence a developer can act on.
 */
final class DevDeepLinkReturn {
  static final String RESPONSE = "LtiDeepLinkingResponse";
  static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
  static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
  static final String DEPLOYMENT = "https://purl.imsglobal.org/spec/lti/claim/deployment_id";

  /** Why the platform refused the answer. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** One content item as the platform would add it to the course. */
  record Item(String type, String title, String url, String gradebookColumn) {}

  private DevDeepLinkReturn() {}

  /**
   * The items of a checked answer.
   *
   * @param toolKeys Rapport's published key set
   * @param issuer this platform's issuer (the answer's audience)
   * @param openSelection takes the {@code data} of a content selection this platform started and
   *     has not seen answered; false for any other value
   * @throws Refused naming what is wrong
   */
  static List<Item> check(
      String jwt,
      JWKSet toolKeys,
      String issuer,
      java.util.function.Predicate<String> openSelection,
      Instant now) {
    if (jwt == null || jwt.isBlank()) {
      throw new Refused("The answer carries no JWT form field.");
    }
    SignedJWT signed;
    JWTClaimsSet claims;
    try {
      signed = SignedJWT.parse(jwt.strip());
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new Refused("The JWT field is not a signed JWT.");
    }
    JWK key = toolKeys.getKeyByKeyId(signed.getHeader().getKeyID());
    try {
      if (!(key instanceof RSAKey rsa) || !signed.verify(new RSASSAVerifier(rsa))) {
        throw new Refused("The answer is not signed by any of Rapport's published keys.");
      }
    } catch (JOSEException e) {
      throw new Refused("The answer's signature cannot be checked: " + e.getMessage());
    }
    if (!DevPlatform.CLIENT_ID.equals(claims.getIssuer())) {
      throw new Refused("The answer's iss is not the client id " + DevPlatform.CLIENT_ID + ".");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(issuer)) {
      throw new Refused("The answer's aud does not name this platform (" + issuer + ").");
    }
    if (claims.getExpirationTime() == null
        || !claims.getExpirationTime().toInstant().isAfter(now)) {
      throw new Refused("The answer has expired; start the content selection again.");
    }
    if (!RESPONSE.equals(claims.getClaim(DevPlatform.MESSAGE_TYPE))) {
      throw new Refused("The answer's message_type is not " + RESPONSE + ".");
    }
    if (!DevPlatform.DEPLOYMENT_ID.equals(claims.getClaim(DEPLOYMENT))) {
      throw new Refused("The answer is not for the deployment " + DevPlatform.DEPLOYMENT_ID + ".");
    }
    Object data = claims.getClaim(DATA);
    if (!(data instanceof String echoed) || !openSelection.test(echoed)) {
      throw new Refused(
          "The answer does not echo the data of a content selection this platform started"
              + " (or it was answered already); start it again.");
    }
    List<Item> items = new ArrayList<>();
    Object listed = claims.getClaim(CONTENT_ITEMS);
    if (!(listed instanceof List<?> list)) {
      throw new Refused("The answer has no content_items list.");
    }
    for (Object o : list) {
      if (o instanceof Map<?, ?> item) {
        Object lineItem = item.get("lineItem");
        items.add(
            new Item(
                text(item.get("type")),
                text(item.get("title")),
                text(item.get("url")),
                lineItem instanceof Map<?, ?> column ? text(column.get("label")) : null));
      }
    }
    return items;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
