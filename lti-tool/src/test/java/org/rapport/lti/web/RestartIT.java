package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.PayaraMicroProcess;

/** What is written through the API is still there after Rapport stops and starts again. */
class RestartIT {
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
