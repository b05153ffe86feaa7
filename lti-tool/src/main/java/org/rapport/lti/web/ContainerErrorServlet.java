package org.rapport.lti.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rapport.lti.persistence.DatabaseOutage;

/**
 * The page for errors the container answers itself (see {@code web.xml}): the status and a
 * sentence, never the container's name, version or a stack trace, with the same security headers as
 * every other answer. A request that failed because the database is out of reach gets 503 with
 * {@code Retry-After}, as in {@link UnexpectedExceptionMapper}.
 */
@WebServlet(urlPatterns = "/container-error")
public class ContainerErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Pages pages;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 404;
    boolean databaseDown =
        request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
            && DatabaseOutage.causedBy(thrown);
    if (databaseDown) {
      status = 503;
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }
    response.setStatus(status);
    response.setHeader(
        "Content-Security-Policy", SecurityPolicy.contentSecurityPolicy("'none'", null));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (SecurityPolicy.servedOverHttps(
        request.getScheme(), request.getHeader("X-Forwarded-Proto"))) {
      response.setHeader("Strict-Transport-Security", SecurityPolicy.HSTS);
    }
    String title =
        databaseDown
            ? DatabaseUnavailable.TITLE
            : status == 404 ? "Not found" : status >= 500 ? "Server error" : "Request refused";
    String message =
        databaseDown
            ? DatabaseUnavailable.MESSAGE
            : switch (status) {
              case 404 ->
                  "There is nothing at this address. Check the link, or start again from your course.";
              case 405 -> "This address does not accept that kind of request.";
              default ->
                  status >= 500
                      ? "Rapport could not answer this request. Try again in a moment."
                      : "The request could not be processed.";
            };
    response.setContentType("text/html;charset=utf-8");
    response.getWriter().write(pages.render("error", title, new ErrorView(status, title, message)));
  }
}
