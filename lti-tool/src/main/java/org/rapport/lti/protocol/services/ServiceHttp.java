package org.rapport.lti.protocol.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundResponse;

/**
 * HTTP exchanges with a platform, through the {@link OutboundHttp} guard: never follows redirects
 * (a bearer token must not travel to another address), bounded timeouts, answers capped at {@value
 * OutboundHttp#DEFAULT_MAX_BODY_BYTES} bytes, every non-2xx answer turned into a {@link
 * ServiceCallFailed} with the {@code Retry-After} the platform sent.
 */
public final class ServiceHttp {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_BODY_IN_REASON = 300;

  private final OutboundHttp http;
  private final Clock clock;

  public ServiceHttp(OutboundHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
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
  public OutboundResponse send(HttpRequest request, String what) {
    try {
      return http.send(request, OutboundHttp.DEFAULT_MAX_BODY_BYTES);
    } catch (IOException e) {
      throw ServiceCallFailed.noAnswer(what, e);
    }
  }

  /** Turns a raw response into an {@link Answer}, or the failure it means. */
  public Answer accept(OutboundResponse response, String what) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Answer(status, response.text(), response.headers());
    }
    throw ServiceCallFailed.answer(
        what,
        status,
        RetryAfter.parse(
            response.headers().firstValue("Retry-After").orElse(null), clock.instant()),
        excerpt(response.text()));
  }

  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String text = body.strip();
    return text.length() <= MAX_BODY_IN_REASON ? text : text.substring(0, MAX_BODY_IN_REASON) + "…";
  }
}
