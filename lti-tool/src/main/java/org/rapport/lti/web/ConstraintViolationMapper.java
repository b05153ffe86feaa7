package org.rapport.lti.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Answers a request body that breaks its Bean Validation constraints ({@code @Valid} on a resource
 * parameter) with one 400 that lists every problem at once as "field: what to do", the same body as
 * {@link InvalidRequestException}, instead of the container's own report.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    return new InvalidRequestException(problems(exception.getConstraintViolations())).getResponse();
  }

  /** One sentence per violation, in a stable order: the field's path, then the message. */
  public static List<String> problems(Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(ConstraintViolationMapper::problem).distinct().sorted().toList();
  }

  private static String problem(ConstraintViolation<?> violation) {
    StringJoiner field = new StringJoiner(".");
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY) {
        field.add(node.getName());
      }
    }
    return field.length() == 0 ? violation.getMessage() : field + ": " + violation.getMessage();
  }
}
