package org.rapport.lti.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.ResourceRoutes;

/**
 * Rapport as it runs in production, with development mode off: every development route (the
 * built-in test platform, the clock hand) answers 404 whatever the method, and the rest of Rapport
 * is up. The routes are found by reflection, so a development route added later is covered too.
 */
class DevModeOffIT {
  /**
   * Methods a client could try on any path, besides those the resources declare; JAX-RS answers
   * OPTIONS (and HEAD for a GET) by itself, so they must be stopped before a resource is chosen.
   */
  private static final List<String> EXTRA_METHODS = List.of("HEAD", "OPTIONS");

  @Test
  void everyDevelopmentRouteAnswers404WhenDevelopmentModeIsOff() throws Exception {
    List<ResourceRoutes.Route> devRoutes =
        ResourceRoutes.all().stream().filter(r -> r.path().startsWith("/dev/")).toList();
    Set<String> resources =
        devRoutes.stream().map(ResourceRoutes.Route::resource).collect(Collectors.toSet());
    assertTrue(
        resources.containsAll(Set.of("DevPlatformResource", "DevClockResource")),
        "route discovery found the development resources: " + devRoutes);

    Path data = Files.createTempDirectory("rapport-prod");
    Map<String, String> production =
        Map.of(
            "RAPPORT_DEV_MODE", "false",
            "RAPPORT_PUBLIC_URL", "https://rapport.example.edu",
            "RAPPORT_DB_URL", "jdbc:h2:file:" + data.resolve("db") + ";MODE=LEGACY",
            "RAPPORT_DB_USER", "sa",
            "RAPPORT_ADMIN_PASSWORD", RapportClient.ADMIN_PASSWORD);
    try (PayaraMicroProcess rapport =
        PayaraMicroProcess.start("dev-mode-off-" + System.nanoTime(), production)) {
      RapportClient client = rapport.client();
      List<String> answered = new ArrayList<>();
      for (ResourceRoutes.Route route : devRoutes) {
        List<String> methods = new ArrayList<>(EXTRA_METHODS);
        methods.remove(route.method());
        methods.add(0, route.method());
        for (String method : methods) {
          HttpRequest.Builder request =
              HttpRequest.newBuilder(client.uri(route.path() + "?role=student&seconds=60"))
                  .method(method, body(method))
                  .header("Origin", client.origin());
          if (hasBody(method)) {
            request.header("Content-Type", route.contentType());
          }
          HttpResponse<String> answer = client.send(request.build());
          if (answer.statusCode() != 404) {
            answered.add(method + " " + route.path() + " -> " + answer.statusCode());
          }
        }
      }
      assertEquals(List.of(), answered, "development routes that answered with dev mode off");

      assertEquals(200, client.get("/health/ready").statusCode(), "the rest of Rapport is up");
      HttpResponse<String> home = client.get("/");
      assertEquals(200, home.statusCode());
      assertTrue(!home.body().contains("/dev/platform"), "the home page offers no test platform");

      // Outside development mode a registration whose key set is on this server is refused when
      // it is saved, saying why, instead of failing at the first launch.
      RapportClient admin = client.atPublicUrl("https://rapport.example.edu");
      HttpResponse<String> loopback =
          admin.adminPost(
              "/api/admin/registrations",
              """
              {"name": "LMS on this server", "issuer": "https://lms.example.edu",
               "clientId": "loopback-1", "authEndpoint": "https://lms.example.edu/auth",
               "tokenEndpoint": "https://lms.example.edu/token",
               "jwksUri": "https://127.0.0.1:8443/jwks"}""");
      assertEquals(400, loopback.statusCode(), loopback.body());
      assertTrue(
          loopback.body().contains("jwksUri: The host resolves to a loopback address"),
          loopback.body());
      assertTrue(loopback.body().contains("rapport.outbound.allow-loopback"), loopback.body());
      HttpResponse<String> registrations = admin.adminGet("/api/admin/registrations");
      assertEquals(200, registrations.statusCode(), registrations.body());
      assertFalse(registrations.body().contains("loopback-1"), "nothing was registered");
    }
  }

  private static boolean hasBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static HttpRequest.BodyPublisher body(String method) {
    return hasBody(method)
        ? HttpRequest.BodyPublishers.ofString("role=student&seconds=60")
        : HttpRequest.BodyPublishers.noBody();
  }
}
