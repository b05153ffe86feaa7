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
 * Text a person must fill in: present, not only spaces, and at most {@link #max} characters. Says
 * {@link #message} when the text is missing or blank, {@link #tooLong} when it is too long.
 *
 * <p>One constraint of Rapport's own instead of {@code @NotBlank} with {@code @Size}: Payara's
 * OpenAPI generator fails on {@code @NotBlank} on a record component (the {@code /openapi} document
 * answers 500), while it leaves constraints it does not know alone.
 */
@Documented
@Constraint(validatedBy = FilledIn.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface FilledIn {
  /** What to do when the text is missing or blank. */
  String message();

  /** What to do when the text is longer than {@link #max}. */
  String tooLong();

  /** The most characters allowed. */
  int max();

  /** Whether the length is counted without surrounding spaces. */
  boolean stripped() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check behind {@link FilledIn}. */
  final class Check implements ConstraintValidator<FilledIn, String> {
    private int max;
    private String tooLong;
    private boolean stripped;

    @Override
    public void initialize(FilledIn constraint) {
      max = constraint.max();
      tooLong = constraint.tooLong();
      stripped = constraint.stripped();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return false;
      }
      if ((stripped ? value.strip() : value).length() <= max) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(tooLong).addConstraintViolation();
      return false;
    }
  }
}
