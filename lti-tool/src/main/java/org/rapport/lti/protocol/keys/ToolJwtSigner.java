package org.rapport.lti.protocol.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs Rapport's JWTs (deep-linking responses, client assertions) with RS256 and a {@code kid}
 * header naming the published key (Security Framework §5.1.2 and §6).
 */
public final class ToolJwtSigner {

  public String sign(JWTClaimsSet claims, ToolKey key) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key.jwk()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign with tool key " + key.kid(), e);
    }
    return jwt.serialize();
  }
}
