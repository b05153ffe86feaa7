package org.rapport.lti.cohorts;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Optional;
import org.rapport.lti.web.IsoDate;
import org.rapport.lti.web.ViolationText;

/**
 * What an administrator sends to create or change a wave (dates as YYYY-MM-DD, both included). The
 * stage (the cohort's programme, the waves it has) and the instrument (what is installed) are
 * checked by {@link WaveEditing} with these constraints, every problem at once.
 */
@WaveRequestView.ClosesAfterOpening
public record WaveRequestView(
    String stage,
    @IsoDate String opens,
    @IsoDate String closes,
    String instrument,
    Integer version) {

  /** A wave closes on or after the day it opens (checked once both days are valid). */
  @Documented
  @Constraint(validatedBy = ClosesAfterOpening.Check.class)
  @Target(TYPE)
  @Retention(RUNTIME)
  public @interface ClosesAfterOpening {
    String message() default "closes before it opens";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link ClosesAfterOpening}. */
    final class Check implements ConstraintValidator<ClosesAfterOpening, WaveRequestView> {
      @Override
      public boolean isValid(WaveRequestView wave, ConstraintValidatorContext context) {
        Optional<LocalDate> opens = IsoDate.Check.day(wave.opens());
        Optional<LocalDate> closes = IsoDate.Check.day(wave.closes());
        if (opens.isEmpty() || closes.isEmpty() || !closes.get().isBefore(opens.get())) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        ViolationText.refuse(
            context, "closes", closes.get() + " is before the opening day " + opens.get() + ".");
        return false;
      }
    }
  }
}
