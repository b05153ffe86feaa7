package org.rapport.lti.protocol.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HTTP exchanges with a platform: never follows redirects (a bearer token must not travel to
 * another address), bounded timeouts, every non-2xx answer turned into a {@link ServiceCallFailed}
 * with the {@code Retry-After} the platform sent.
 */
public final class ServiceHttp {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_BODY_IN_REASON = 300;

  private final HttpClient http;
  private final Clock clock;

  public ServiceHttp(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A platform's answer with status 2xx. */
  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    public List<String> header(String name) {
      return headers.allValues(name);
    }

    public Optional<String> firstHeader(String name) {
      return headers.firstValue(name);
    }
  }

  /** A request builder with the request timeout set. */
  public static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
  }

  /**
   * Sends the request; {@code what} names the service in failure reasons (e.g. "The LMS score
   * service").
   *
   * @throws ServiceCallFailed on no answer or a status outside 2xx
   */
  public Answer exchange(HttpRequest request, String what) {
    return accept(send(request, what), what);
  }

  /**
   * Sends the request and returns whatever status came back.
   *
   * @throws ServiceCallFailed when no answer came
   */
  public HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ServiceCallFailed.noAnswer(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceCallFailed.noAnswer(what, e);
    }
  }

  /** Turns a raw response into an {@link Answer}, or the failure it means. */
  public Answer accept(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Answer(status, response.body(), response.headers());
    }
    throw ServiceCallFailed.answer(
        what,
        status,
        RetryAfter.parse(
            response.headers().firstValue("Retry-After").orElse(null), clock.instant()),
        excerpt(response.body()));
  }

  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String text = body.strip();
    return text.length() <= MAX_BODY_IN_REASON ? text : text.substring(0, MAX_BODY_IN_REASON) + "…";
  }
}
