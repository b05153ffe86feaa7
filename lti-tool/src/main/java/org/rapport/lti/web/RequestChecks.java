package org.rapport.lti.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

/**
 * Checks a request body against the Bean Validation constraints declared on its record, for the
 * use-case services that add problems of their own (the database, the clock, the installed
 * instruments) and so answer every problem at once instead of leaving the constraints to
 * {@code @Valid} on the resource. The administration pages build the same records and get the same
 * problems.
 */
@ApplicationScoped
public class RequestChecks {
  @Inject Validator validator;

  /**
   * The body's problems: one section per group, in the order given ({@link Default} when none),
   * each listed in the order of the body's fields.
   */
  public BodyProblems of(Record body, Class<?>... groups) {
    BodyProblems problems = new BodyProblems(body.getClass());
    add(problems, body, groups);
    return problems;
  }

  /**
   * Adds the body's problems in the groups given ({@link Default} when none) to {@code problems},
   * one section per group; true when there were none.
   */
  public boolean add(BodyProblems problems, Record body, Class<?>... groups) {
    boolean clean = true;
    for (Class<?> group : groups.length == 0 ? new Class<?>[] {Default.class} : groups) {
      var violations = validator.validate(body, group);
      clean &= violations.isEmpty();
      problems.violations(violations);
    }
    return clean;
  }
}
