package org.rapport.lti.web;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * A 409 answer: the request is well formed but conflicts with what Rapport holds (for example an
 * instrument that cannot be scheduled, or a cohort that already exists). Lists every problem.
 */
public class ConflictException extends ClientErrorException {
  private final List<String> problems;

  public ConflictException(List<String> problems) {
    super(
        String.join(" ", problems),
        Response.status(409)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                Map.of("status", 409, "error", String.join(" ", problems), "problems", problems))
            .build());
    this.problems = List.copyOf(problems);
  }

  public ConflictException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
