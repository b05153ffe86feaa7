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
 * A whole number a person must give, from {@link #min} to {@link #max} {@link #unit}. Says "give a
 * number of months from 0 to 240." when it is missing and "300 is outside 0–240 months." when it is
 * out of range.
 */
@Documented
@Constraint(validatedBy = Between.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Between {
  int min();

  int max();

  /** What is counted, plural: "months", "days". */
  String unit();

  /** Not used: the sentence names the bounds and the unit. */
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check behind {@link Between}. */
  final class Check implements ConstraintValidator<Between, Integer> {
    private int min;
    private int max;
    private String unit;

    @Override
    public void initialize(Between constraint) {
      min = constraint.min();
      max = constraint.max();
      unit = constraint.unit();
    }

    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
      if (value == null) {
        return ViolationText.refuse(
            context, "give a number of " + unit + " from " + min + " to " + max + ".");
      }
      return (value >= min && value <= max)
          || ViolationText.refuse(
              context, value + " is outside " + min + "–" + max + " " + unit + ".");
    }
  }
}
