package org.rapport.lti.limits;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Enforces body limits before a body is read and rate-limits the unauthenticated endpoints that
 * write rows.
 *
 * <ul>
 *   <li>A declared {@code Content-Length} over the path's limit is answered 413 at once, without
 *       reading a byte of the body; a body without a declared length (chunked) is read only up to
 *       the limit, then answered 413, except an import upload, which is streamed to a temporary
 *       file and refused there at the limit, never held in memory.
 *   <li>Login initiations (each stores a nonce) are limited per client address and per issuer.
 *   <li>Launches are refused with 429 while the client address, or the platform the launch's
 *       id_token names as issuer ({@link LaunchIssuer}), has used its budget of refused launches
 *       (each writes the launch log); accepted launches do not count. The per-platform budget stops
 *       a loop spread over many addresses; tokens without a readable issuer share one.
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLimitsFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RequestLimitsFilter.class.getName());
  static final String LOGIN = "/lti/login";
  static final String LAUNCH = "/lti/launch";

  @Inject RequestLimitSettings settings;
  @Inject ClientAddress clientAddress;

  @Inject transient Clock clock;

  private transient FixedWindowLimiter limiter;

  @PostConstruct
  void start() {
    limiter = new FixedWindowLimiter(clock);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = settings.bodyLimit(path);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response, limit);
      return;
    }
    boolean login = path.equals(LOGIN);
    boolean launch = path.equals(LAUNCH) && "POST".equals(request.getMethod());
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    HttpServletRequest forward = request;
    byte[] body = null;
    // A chunked import upload is not buffered here: the import streams it to a temporary file and
    // refuses it as soon as it passes the limit (ImportSpool).
    if ((chunked && !BodyLimits.streamed(path)) || ((login || launch) && declared > 0)) {
      body = readAtMost(request.getInputStream(), limit);
      if (body == null) {
        tooLarge(response, limit);
        return;
      }
      forward = new BufferedBodyRequest(request, body);
    }
    String address = clientAddress.of(request);
    if (login) {
      OptionalLong over = limiter.take("login address " + address, settings.loginsPerAddress());
      if (over.isEmpty()) {
        String issuer = loginIssuer(request, body);
        over = limiter.take("login issuer " + issuer, settings.loginsPerPlatform());
      }
      if (over.isPresent()) {
        tooMany(response, over.getAsLong(), "login requests", address);
        return;
      }
    } else if (launch) {
      String fromAddress = "refused launches address " + address;
      String fromPlatform = "refused launches issuer " + LaunchIssuer.of(body);
      OptionalLong over = limiter.overBudget(fromAddress, settings.refusedLaunchesPerAddress());
      if (over.isEmpty()) {
        over = limiter.overBudget(fromPlatform, settings.refusedLaunchesPerPlatform());
      }
      if (over.isPresent()) {
        tooMany(response, over.getAsLong(), "refused launches", address);
        return;
      }
      chain.doFilter(forward, response);
      if (response.getStatus() >= 400) {
        limiter.count(fromAddress);
        limiter.count(fromPlatform);
      }
      return;
    }
    chain.doFilter(forward, response);
  }

  /** The body, or null when it is longer than {@code limit}; never reads more than limit + 1. */
  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    return bytes.length > limit ? null : bytes;
  }

  private static String loginIssuer(HttpServletRequest request, byte[] body) {
    String issuer = null;
    if (body != null) {
      issuer = formField(new String(body, StandardCharsets.ISO_8859_1), "iss");
    }
    if (issuer == null && request.getQueryString() != null) {
      issuer = formField(request.getQueryString(), "iss");
    }
    return issuer == null ? "" : issuer;
  }

  static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        try {
          return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return pair.substring(eq + 1);
        }
      }
    }
    return null;
  }

  private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(413);
    // The unread rest of the body is not wanted: close rather than drain it.
    response.setHeader("Connection", "close");
    text(
        response,
        "The request body is larger than the "
            + limit
            + " bytes Rapport accepts at this address. Send a smaller request (split a large"
            + " import file into several).");
  }

  private static void tooMany(
      HttpServletResponse response, long retryAfterSeconds, String what, String address)
      throws IOException {
    LOG.warning(() -> "Too many " + what + " from " + address + "; answering 429");
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    text(
        response,
        "Too many "
            + what
            + " from this address or LMS in the last minute. Try again in "
            + retryAfterSeconds
            + " seconds.");
  }

  private static void text(HttpServletResponse response, String sentence) throws IOException {
    response.setContentType("text/plain; charset=utf-8");
    byte[] bytes = (sentence + "\n").getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
