package org.rapport.lti.admission;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets at most {@code rapport.admission.limit} requests work at once (each may hold a database
 * connection; the limit stays below the connection pool's size, so background workers always find
 * one), queues at most {@code rapport.admission.queue} more for at most {@code
 * rapport.admission.wait-ms}, and answers any further request at once with 503, {@code Retry-After}
 * and a short page. Overload thus gives fast, explicit answers an LMS user can retry, never a
 * request that hangs on the pool and fails with 500. Liveness ({@code /health/live}) and static
 * assets never wait: they use no database.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AdmissionFilter implements Filter {
  private static final Logger LOG = Logger.getLogger(AdmissionFilter.class.getName());
  static final String BUSY_PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rapport is busy"
          + "</title></head><body><h1>Rapport is busy</h1><p>Many people are opening Rapport at"
          + " this moment. Please try again in a few seconds.</p></body></html>";

  private AdmissionLimit limit;
  private int retryAfterSeconds;

  @Override
  public void init(FilterConfig config) {
    Config settings = ConfigProvider.getConfig();
    int permits = settings.getOptionalValue("rapport.admission.limit", Integer.class).orElse(24);
    int queue = settings.getOptionalValue("rapport.admission.queue", Integer.class).orElse(256);
    long waitMillis =
        settings.getOptionalValue("rapport.admission.wait-ms", Long.class).orElse(10_000L);
    retryAfterSeconds =
        settings.getOptionalValue("rapport.admission.retry-after-seconds", Integer.class).orElse(2);
    limit = new AdmissionLimit(Math.max(1, permits), Math.max(0, queue), Math.max(0, waitMillis));
    LOG.info(
        () ->
            "Admission: "
                + permits
                + " requests at work at once, "
                + queue
                + " waiting at most "
                + waitMillis
                + " ms");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (exempt(http.getRequestURI().substring(http.getContextPath().length()))) {
      chain.doFilter(request, response);
      return;
    }
    boolean admitted;
    try {
      admitted = limit.enter();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      busy((HttpServletResponse) response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      limit.release();
    }
  }

  static boolean exempt(String path) {
    return path.equals("/health/live") || path.startsWith("/assets/");
  }

  private void busy(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html; charset=utf-8");
    byte[] body = BUSY_PAGE.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
