package org.rapport.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoints the registration wizard fills in, per LMS, from what the administrator typed. */
class PlatformEndpointsTest {

  @ParameterizedTest(name = "{0} at \"{1}\" (client {2}, tool {3})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # kind     | site                                   | client    | tool | issuer                                | auth                                                             | token                                                          | jwks
          CANVAS     | -                                      | -         | -    | https://canvas.instructure.com        | https://sso.canvaslms.com/api/lti/authorize_redirect             | https://sso.canvaslms.com/login/oauth2/token                   | https://sso.canvaslms.com/api/lti/security/jwks
          CANVAS     | https://canvas.instructure.com/        | -         | -    | https://canvas.instructure.com        | https://sso.canvaslms.com/api/lti/authorize_redirect             | https://sso.canvaslms.com/login/oauth2/token                   | https://sso.canvaslms.com/api/lti/security/jwks
          CANVAS     | https://canvas.beta.instructure.com    | -         | -    | https://canvas.beta.instructure.com   | https://sso.beta.canvaslms.com/api/lti/authorize_redirect        | https://sso.beta.canvaslms.com/login/oauth2/token              | https://sso.beta.canvaslms.com/api/lti/security/jwks
          CANVAS     | https://canvas.test.instructure.com    | -         | -    | https://canvas.test.instructure.com   | https://sso.test.canvaslms.com/api/lti/authorize_redirect        | https://sso.test.canvaslms.com/login/oauth2/token              | https://sso.test.canvaslms.com/api/lti/security/jwks
          CANVAS     | https://canvas.school.edu              | -         | -    | https://canvas.school.edu             | https://canvas.school.edu/api/lti/authorize_redirect             | https://canvas.school.edu/login/oauth2/token                   | https://canvas.school.edu/api/lti/security/jwks
          MOODLE     | https://moodle.example.edu/            | -         | -    | https://moodle.example.edu            | https://moodle.example.edu/mod/lti/auth.php                      | https://moodle.example.edu/mod/lti/token.php                   | https://moodle.example.edu/mod/lti/certs.php
          MOODLE     | moodle.example.edu/campus              | -         | -    | https://moodle.example.edu/campus     | https://moodle.example.edu/campus/mod/lti/auth.php               | https://moodle.example.edu/campus/mod/lti/token.php            | https://moodle.example.edu/campus/mod/lti/certs.php
          MOODLE     | HTTPS://Moodle.Example.edu:8443/lms//  | -         | -    | https://moodle.example.edu:8443/lms   | https://moodle.example.edu:8443/lms/mod/lti/auth.php             | https://moodle.example.edu:8443/lms/mod/lti/token.php          | https://moodle.example.edu:8443/lms/mod/lti/certs.php
          MOODLE     | -                                      | -         | -    | -                                     | -                                                                | -                                                              | -
          MOODLE     | ftp://moodle.example.edu               | -         | -    | -                                     | -                                                                | -                                                              | -
          BLACKBOARD | -                                      | -         | -    | https://blackboard.com                | https://developer.blackboard.com/api/v1/gateway/oidcauth         | https://developer.blackboard.com/api/v1/gateway/oauth2/jwttoken | -
          BLACKBOARD | https://learn.school.edu               | 1c81-ab9f | -    | https://blackboard.com                | https://developer.blackboard.com/api/v1/gateway/oidcauth         | https://developer.blackboard.com/api/v1/gateway/oauth2/jwttoken | https://developer.blackboard.com/api/v1/management/applications/1c81-ab9f/jwks.json
          D2L        | https://school.brightspace.com         | -         | -    | https://school.brightspace.com        | https://school.brightspace.com/d2l/lti/authenticate              | https://auth.brightspace.com/core/connect/token                | https://school.brightspace.com/d2l/.well-known/jwks
          SAKAI      | https://sakai.example.edu              | -         | 42   | https://sakai.example.edu             | https://sakai.example.edu/imsoidc/lti13/oidc_auth                | https://sakai.example.edu/imsblis/lti13/token/42               | https://sakai.example.edu/imsblis/lti13/keyset
          SAKAI      | https://sakai.example.edu              | -         | x42  | https://sakai.example.edu             | https://sakai.example.edu/imsoidc/lti13/oidc_auth                | -                                                              | https://sakai.example.edu/imsblis/lti13/keyset
          OTHER      | https://lms.example.edu                | abc       | 1    | -                                     | -                                                                | -                                                              | -
          """)
  void fillsInWhatTheLmsIsKnownToUse(
      PlatformKind kind,
      String site,
      String clientId,
      String toolId,
      String issuer,
      String auth,
      String token,
      String jwks) {
    PlatformEndpoints.Filled filled =
        PlatformEndpoints.fill(kind, new PlatformEndpoints.Site(site, clientId, toolId));
    assertEquals(issuer, filled.issuer(), "issuer");
    assertEquals(auth, filled.authEndpoint(), "auth endpoint");
    assertEquals(token, filled.tokenEndpoint(), "token URL");
    assertEquals(jwks, filled.jwksUri(), "key set");
  }

  @ParameterizedTest
  @CsvSource({"'   '", "https://", "'not a url with spaces'"})
  void anAddressThatIsNoUrlFillsInNothing(String site) {
    assertNull(PlatformEndpoints.root(site).orElse(null));
    assertNull(
        PlatformEndpoints.fill(PlatformKind.MOODLE, new PlatformEndpoints.Site(site, null, null))
            .issuer());
  }
}
