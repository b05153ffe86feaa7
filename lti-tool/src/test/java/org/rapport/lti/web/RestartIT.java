package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;

/** What is written through the API is still there after Rapport stops and starts again. */
class RestartIT {
  @Test
  void firstStartPrintsAOneTimeSetupLinkAndARestartKeepsTheAdministrator() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rapport-setup");
    Map<String, String> env =
        Map.of(
            "RAPPORT_ADMIN_PASSWORD", "",
            "RAPPORT_DB_URL", "jdbc:h2:file:" + dir.resolve("db") + ";MODE=LEGACY",
            "RAPPORT_DB_USER", "sa");
    String logName = "setup-" + System.nanoTime();
    try (PayaraMicroProcess first = PayaraMicroProcess.start(logName, env)) {
      String log =
          java.nio.file.Files.readString(java.nio.file.Path.of("target/" + logName + ".log"));
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile("/admin/setup\\?token=([A-Za-z0-9_-]+)").matcher(log);
      assertTrue(link.find(), "the log prints the one-time setup link");
      String token = link.group(1);
      assertEquals(
          401,
          first
              .client()
              .get("/api/admin/registrations", "Accept", "application/json")
              .statusCode());
      HttpResponse<String> wrong =
          first
              .client()
              .postForm(
                  "/admin/setup",
                  "token=nope&username=dean&password=long-enough-pass&confirm=long-enough-pass",
                  "Origin",
                  first.client().origin());
      assertEquals(400, wrong.statusCode());
      HttpResponse<String> created =
          first
              .client()
              .postForm(
                  "/admin/setup",
                  "token="
                      + token
                      + "&username=dean&password=long-enough-pass&confirm=long-enough-pass",
                  "Origin",
                  first.client().origin());
      assertEquals(303, created.statusCode(), created.body());
      HttpResponse<String> again =
          first
              .client()
              .postForm(
                  "/admin/setup",
                  "token="
                      + token
                      + "&username=eve&password=long-enough-pass&confirm=long-enough-pass",
                  "Origin",
                  first.client().origin());
      assertEquals(400, again.statusCode(), "the link works once");
    }
    try (PayaraMicroProcess second = PayaraMicroProcess.start(logName + "-again", env)) {
      RapportClient.AdminSession dean = second.client().signIn("dean", "long-enough-pass");
      HttpResponse<String> list =
          second
              .client()
              .get(
                  "/api/admin/registrations",
                  "Accept",
                  "application/json",
                  "Cookie",
                  dean.cookie());
      assertEquals(200, list.statusCode(), list.body());
      assertEquals(404, second.client().get("/admin/setup").statusCode());
    }
  }

  @Test
  void aRegistrationSurvivesARestart() throws Exception {
    Map<String, String> env = Map.of();
    String issuer = "https://restart-" + UUID.randomUUID() + ".example.edu";
    try (PayaraMicroProcess first = PayaraMicroProcess.start("restart-first", env)) {
      HttpResponse<String> created =
          first
              .client()
              .adminPost(
                  "/api/admin/registrations",
                  """
                  {"name": "Sakai", "platformKind": "SAKAI", "issuer": "%s", "clientId": "s1",
                   "authEndpoint": "%s/imsoidc/lti13/oidc_auth", "jwksUri": "%s/imsblis/lti13/keyset"}
                  """
                      .formatted(issuer, issuer, issuer));
      assertEquals(201, created.statusCode(), created.body());
    }
    try (PayaraMicroProcess second = PayaraMicroProcess.start("restart-second", env)) {
      HttpResponse<String> list = second.client().adminGet("/api/admin/registrations");
      assertEquals(200, list.statusCode());
      assertTrue(list.body().contains(issuer), "registration kept across the restart");
    }
  }
}
