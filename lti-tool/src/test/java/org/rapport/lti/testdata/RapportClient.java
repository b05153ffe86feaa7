package org.rapport.lti.testdata;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Real HTTP to a deployed Rapport on 127.0.0.1 (the Arquillian connector reports a network-card
 * address; only the port is taken from it).
 */
public final class RapportClient {
  public static final String ADMIN_PASSWORD = "integration-test-admin-password";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public RapportClient(URL deployed) {
    this(URI.create("http://127.0.0.1:" + deployed.getPort()));
  }

  private RapportClient(URI base) {
    this.base = base;
  }

  /**
   * The same Rapport addressed as {@code localhost}: its built-in test platform then has another
   * issuer, so launches through this client belong to a second tenant (registration).
   */
  public static RapportClient secondTenant(URL deployed) {
    return new RapportClient(URI.create("http://localhost:" + deployed.getPort()));
  }

  public URI base() {
    return base;
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.GET().build());
  }

  public HttpResponse<String> adminGet(String path) {
    return get(path, "Authorization", basicAdmin(), "Accept", "application/json");
  }

  public HttpResponse<String> adminGet(String path, String accept) {
    return get(path, "Authorization", basicAdmin(), "Accept", accept);
  }

  public HttpResponse<String> adminDelete(String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basicAdmin())
            .header("Accept", "application/json")
            .DELETE()
            .build());
  }

  public HttpResponse<String> adminPost(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basicAdmin())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> adminPut(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basicAdmin())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> postForm(String path, String form, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /**
   * Sends the request. A refused connection is tried again for a few seconds: Payara Micro can
   * restart its HTTP listener just after it reports the deployment ready, and a refused connection
   * never reached Rapport, so trying again cannot repeat anything.
   */
  public HttpResponse<String> send(HttpRequest request) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.net.ConnectException refused) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Request to " + request.uri() + " failed", refused);
        }
        pause();
      } catch (IOException e) {
        throw new IllegalStateException("Request to " + request.uri() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String basicAdmin() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
