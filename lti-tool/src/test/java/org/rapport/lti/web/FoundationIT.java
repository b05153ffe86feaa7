package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The shipped WAR on Payara Micro: pages, health, OpenAPI, the admin API through JAX-RS and JPA.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  @Test
  void landingPageSaysWhatRapportIs() {
    HttpResponse<String> page = rapport().get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("empathy self-assessment"), page.body());
    assertTrue(page.body().contains("/health/ready"));
    assertTrue(
        page.headers().firstValue("X-Frame-Options").isEmpty(),
        "Payara's X-Frame-Options is switched off so that an LMS can frame Rapport");
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'self'"));
  }

  @Test
  void readinessReportsTheDatabaseAndSchemaVersion() {
    HttpResponse<String> health = rapport().get("/health/ready");
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    assertTrue(health.body().contains("schemaVersion"), health.body());
  }

  @Test
  void openApiDocumentsTheJsonApi() {
    HttpResponse<String> openapi = rapport().get("/openapi");
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/admin/registrations"), openapi.body());
  }

  @Test
  void registrationWrittenThroughTheApiIsReadBack() {
    String issuer = "https://lms-" + UUID.randomUUID() + ".example.edu";
    HttpResponse<String> created =
        rapport()
            .adminPost(
                "/api/admin/registrations",
                """
                {"name": "Moodle test", "platformKind": "MOODLE", "issuer": "%s", "clientId": "abc",
                 "authEndpoint": "%s/mod/lti/auth.php", "tokenEndpoint": "%s/mod/lti/token.php",
                 "jwksUri": "%s/mod/lti/certs.php", "deploymentPolicy": "REJECT_UNKNOWN"}
                """
                    .formatted(issuer, issuer, issuer, issuer));
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> list = rapport().adminGet("/api/admin/registrations");
    assertEquals(200, list.statusCode());
    assertTrue(list.body().contains(issuer), list.body());
    assertTrue(list.body().contains("REJECT_UNKNOWN"), list.body());
  }

  @Test
  void sameIssuerWithAnotherClientIdIsASeparateRegistration() {
    String issuer = "https://canvas-" + UUID.randomUUID() + ".example.edu";
    String body =
        """
        {"name": "Canvas %s", "platformKind": "CANVAS", "issuer": "%s", "clientId": "%s",
         "authEndpoint": "https://sso.example.edu/api/lti/authorize_redirect",
         "jwksUri": "https://sso.example.edu/api/lti/security/jwks"}
        """;
    assertEquals(
        201,
        rapport()
            .adminPost("/api/admin/registrations", body.formatted("A", issuer, "100"))
            .statusCode());
    assertEquals(
        201,
        rapport()
            .adminPost("/api/admin/registrations", body.formatted("B", issuer, "200"))
            .statusCode());
    HttpResponse<String> duplicate =
        rapport().adminPost("/api/admin/registrations", body.formatted("A again", issuer, "100"));
    assertEquals(409, duplicate.statusCode());
    assertTrue(duplicate.body().contains("already exists"), duplicate.body());
  }

  @Test
  void invalidRegistrationIsRefusedWithEveryProblemNamed() {
    HttpResponse<String> refused =
        rapport()
            .adminPost(
                "/api/admin/registrations",
                "{\"issuer\": \"\", \"clientId\": \"x\", \"authEndpoint\": \"not a url\"}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("issuer:"), refused.body());
    assertTrue(refused.body().contains("authEndpoint:"), refused.body());
    assertTrue(refused.body().contains("jwksUri:"), refused.body());
    assertTrue(refused.body().contains("name:"), refused.body());
  }

  @Test
  void malformedJsonIsA400NotA500() {
    HttpResponse<String> refused = rapport().adminPost("/api/admin/registrations", "{not json");
    assertEquals(400, refused.statusCode(), refused.body());
    assertFalse(refused.body().contains("Exception"), refused.body());
  }

  @Test
  void adminApiIsClosedWithoutCredentials() {
    HttpResponse<String> refused =
        rapport().get("/api/admin/registrations", "Accept", "application/json");
    assertEquals(401, refused.statusCode());
    HttpResponse<String> wrong =
        rapport()
            .get(
                "/api/admin/registrations",
                "Accept",
                "application/json",
                "Authorization",
                "Basic YWRtaW46d3Jvbmc=");
    assertEquals(401, wrong.statusCode());
    assertFalse(
        wrong.headers().allValues("WWW-Authenticate").stream()
            .anyMatch(v -> v.regionMatches(true, 0, "Basic", 0, 5)),
        "no Basic challenge: browsers would cache the credentials");
    HttpResponse<String> page = rapport().get("/admin");
    assertEquals(303, page.statusCode());
  }

  @Test
  void unknownAddressesGetAReadable404() {
    HttpResponse<String> missing = rapport().get("/no/such/page");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("There is nothing at this address"), missing.body());
  }
}
