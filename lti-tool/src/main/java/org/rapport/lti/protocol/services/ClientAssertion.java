package org.rapport.lti.protocol.services;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.rapport.lti.protocol.keys.ToolJwtSigner;
import org.rapport.lti.protocol.keys.ToolKey;

/**
 * The JWT client assertion of the client-credentials grant (RFC 7523 §2.2 and §3; 1EdTech Security
 * Framework 1.0 §4.1.1): {@code iss} = {@code sub} = Rapport's client id, {@code aud} = the token
 * endpoint URL, {@code iat}, a short {@code exp}, a unique {@code jti}, signed RS256 with the
 * tool's current key named in the {@code kid} header. The assertion is a credential: never log it.
 */
public final class ClientAssertion {
  public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  private ClientAssertion() {}

  public static String sign(String clientId, URI tokenEndpoint, ToolKey key, Instant now) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(tokenEndpoint.toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    return new ToolJwtSigner().sign(claims, key);
  }
}
