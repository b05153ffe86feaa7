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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute http(s) URL with a host, at most {@link #max} characters. When it is left out it says
 * {@link #message} if the address is {@link #required}; it is fine otherwise.
 */
@Documented
@Constraint(validatedBy = WebAddress.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface WebAddress {
  /** What to do when a required address is missing or blank. */
  String message() default "this URL is required; copy it from the platform's LTI settings.";

  boolean required();

  /** The most characters allowed. */
  int max() default 1024;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check behind {@link WebAddress}. */
  final class Check implements ConstraintValidator<WebAddress, String> {
    private boolean required;
    private int max;

    @Override
    public void initialize(WebAddress constraint) {
      required = constraint.required();
      max = constraint.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return !required;
      }
      String problem = problem(value, max);
      return problem == null || ViolationText.refuse(context, problem);
    }

    /** What is wrong with a given address, or null. */
    static String problem(String value, int max) {
      try {
        URI uri = new URI(value.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
          return "use an absolute https:// URL.";
        }
        return value.length() > max ? "use at most " + max + " characters." : null;
      } catch (URISyntaxException e) {
        return "\"" + value + "\" is not a valid URL.";
      }
    }
  }
}
