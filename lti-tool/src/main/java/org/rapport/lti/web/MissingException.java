package org.rapport.lti.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A 404 answer of the JSON API that says what was not found. */
public class MissingException extends NotFoundException {
  public MissingException(String message) {
    super(
        message,
        Response.status(404)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("status", 404, "error", message))
            .build());
  }
}
