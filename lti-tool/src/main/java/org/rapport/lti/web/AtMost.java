package org.rapport.lti.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Optional text of at most {@link #value} characters; missing text is fine. Rapport's own instead
 * of {@code @Size}, which Payara's OpenAPI generator fails on when it is on a record component.
 */
@Documented
@Constraint(validatedBy = AtMost.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface AtMost {
  /** The most characters allowed. */
  int value();

  /** What to do when the text is longer. */
  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check behind {@link AtMost}. */
  final class Check implements ConstraintValidator<AtMost, String> {
    private int max;

    @Override
    public void initialize(AtMost constraint) {
      max = constraint.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.length() <= max;
    }
  }
}
