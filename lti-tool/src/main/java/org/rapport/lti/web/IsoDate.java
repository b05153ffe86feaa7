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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A day a person must give, written YYYY-MM-DD (surrounding spaces ignored). Says {@link #message}
 * when it is missing or blank, and quotes the text when it is no such day.
 */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface IsoDate {
  /** What to do when the day is missing. */
  String message() default "give a date as YYYY-MM-DD.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check behind {@link IsoDate}. */
  final class Check implements ConstraintValidator<IsoDate, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return false;
      }
      return day(value).isPresent()
          || ViolationText.refuse(
              context, "'" + value.strip() + "' is not a date; write it as YYYY-MM-DD.");
    }

    /** The day the text names, if it is one. */
    public static Optional<LocalDate> day(String text) {
      if (text == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(text.strip()));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
