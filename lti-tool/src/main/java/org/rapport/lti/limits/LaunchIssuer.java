package org.rapport.lti.limits;

import com.nimbusds.jwt.JWTParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * The issuer a launch claims, read from the {@code iss} claim of its (not yet verified) id_token,
 * only to key the refused-launch budget per platform; empty when the body has no readable token.
 * Nothing here is trusted: the launch itself verifies the token.
 */
final class LaunchIssuer {
  private LaunchIssuer() {}

  static String of(byte[] body) {
    if (body == null) {
      return "";
    }
    String token =
        RequestLimitsFilter.formField(new String(body, StandardCharsets.ISO_8859_1), "id_token");
    if (token == null || token.isEmpty()) {
      return "";
    }
    try {
      String issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
      return issuer == null ? "" : issuer;
    } catch (ParseException | RuntimeException unreadable) {
      return "";
    }
  }
}
