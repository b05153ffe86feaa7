package org.rapport.lti.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Builds error answers: an HTML page for browsers, a JSON body {@code {"status", "error"}} for API
 * clients. The message is always one a person can act on; never a stack trace.
 */
final class ErrorPage {
  private ErrorPage() {}

  static Response of(Pages pages, HttpHeaders headers, int status, String title, String message) {
    if (wantsJson(headers)) {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("status", status, "error", message))
          .build();
    }
    String html = pages.render("error", title, new ErrorView(status, title, message));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(html)
        .build();
  }

  private static boolean wantsJson(HttpHeaders headers) {
    if (headers == null) {
      return false;
    }
    MediaType type = headers.getMediaType();
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return true;
    }
    List<MediaType> accepted = headers.getAcceptableMediaTypes();
    for (MediaType accept : accepted) {
      if (accept.isWildcardType()) {
        return false;
      }
      if (accept.isCompatible(MediaType.TEXT_HTML_TYPE)) {
        return false;
      }
      if (accept.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return true;
      }
    }
    return false;
  }
}
