package org.rapport.lti.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The answer while the database is out of reach: 503 with {@code Retry-After}, a page (or JSON for
 * API clients) saying that nothing is lost and when to try again; no SQL, no stack trace.
 */
final class DatabaseUnavailable {
  static final int RETRY_AFTER_SECONDS = 30;
  static final String TITLE = "Rapport is briefly unavailable";
  static final String MESSAGE =
      "Rapport cannot reach its database at the moment. Nothing you saved before is lost. Please"
          + " try again in a minute.";

  private DatabaseUnavailable() {}

  static Response answer(Pages pages, HttpHeaders headers) {
    return Response.fromResponse(ErrorPage.of(pages, headers, 503, TITLE, MESSAGE))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .build();
  }
}
