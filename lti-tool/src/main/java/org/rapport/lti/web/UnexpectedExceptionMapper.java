package org.rapport.lti.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.lti.persistence.DatabaseOutage;

/**
 * The last line: anything unexpected is logged with a reference and answered without internals, so
 * no stack trace ever reaches a browser. A failure caused by the database being out of reach is no
 * bug: it is answered 503 with {@code Retry-After} ({@link DatabaseUnavailable}).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject Pages pages;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Exception exception) {
    if (isUnreadableBody(exception)) {
      return ErrorPage.of(
          pages,
          headers,
          400,
          "Unreadable request",
          "The request body could not be read: send well-formed JSON with the fields this address"
              + " documents (see /openapi).");
    }
    if (DatabaseOutage.causedBy(exception)) {
      LOG.warning(
          () -> "Answered 503: the database cannot be reached (" + rootCause(exception) + ")");
      return DatabaseUnavailable.answer(pages, headers);
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, exception);
    return ErrorPage.of(
        pages,
        headers,
        500,
        "Something went wrong",
        "Rapport could not finish this request. Try again in a moment; if it keeps happening, give"
            + " your administrator the reference "
            + reference
            + ".");
  }

  private static String rootCause(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  private static boolean isUnreadableBody(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof jakarta.json.bind.JsonbException
          || t instanceof jakarta.json.JsonException
          || t instanceof jakarta.ws.rs.ProcessingException) {
        return true;
      }
    }
    return false;
  }
}
