package org.rapport.lti.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** A 400 answer listing every problem found in a request. */
public class InvalidRequestException extends BadRequestException {
  private final List<String> problems;

  public InvalidRequestException(List<String> problems) {
    super(
        String.join(" ", problems),
        Response.status(400)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                Map.of("status", 400, "error", String.join(" ", problems), "problems", problems))
            .build());
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
