package org.rapport.lti.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers JAX-RS errors (404, 405, 415, our own 4xx) with a readable page or JSON body. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Inject Pages pages;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (original.hasEntity() && status < 500) {
      return original;
    }
    String title = original.getStatusInfo().getReasonPhrase();
    String message = messageFor(status, exception.getMessage());
    Response.ResponseBuilder answer =
        Response.fromResponse(ErrorPage.of(pages, headers, status, title, message));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> answer.header(name, value));
              }
            });
    return answer.build();
  }

  private static String messageFor(int status, String message) {
    boolean generic = message == null || message.startsWith("HTTP ");
    if (!generic) {
      return message;
    }
    return switch (status) {
      case 404 ->
          "There is nothing at this address. Check the link, or start again from your course.";
      case 405 -> "This address does not accept that kind of request.";
      case 406 -> "This address cannot answer in the format the request asked for.";
      case 415 -> "The request body has a content type this address does not accept.";
      case 401 -> "Sign in first.";
      case 403 -> "You do not have access to this page.";
      default -> "The request could not be processed.";
    };
  }
}
