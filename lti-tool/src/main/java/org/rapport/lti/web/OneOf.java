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
import java.util.Locale;
import java.util.Set;

/**
 * An optional choice among fixed names: left out (missing or blank) or one of {@link #value},
 * ignoring case and surrounding spaces. Says {@link #message} otherwise.
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface OneOf {
  /** The names allowed, in upper case. */
  String[] value();

  /** What to write instead. */
  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check behind {@link OneOf}. */
  final class Check implements ConstraintValidator<OneOf, String> {
    private Set<String> allowed;

    @Override
    public void initialize(OneOf constraint) {
      allowed = Set.of(constraint.value());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null
          || value.isBlank()
          || allowed.contains(value.strip().toUpperCase(Locale.ROOT));
    }
  }
}
