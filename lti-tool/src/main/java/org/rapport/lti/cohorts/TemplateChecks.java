package org.rapport.lti.cohorts;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.List;
import org.rapport.lti.web.ViolationText;

/** The constraints of a proposed schedule template ({@link ScheduleTemplateView}). */
public final class TemplateChecks {
  private TemplateChecks() {}

  /** The matriculation day, written MM-DD. */
  @Documented
  @Constraint(validatedBy = MatriculationDay.Check.class)
  @Target({FIELD, METHOD, PARAMETER})
  @Retention(RUNTIME)
  public @interface MatriculationDay {
    String message() default "write the matriculation day as MM-DD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link MatriculationDay}. */
    final class Check implements ConstraintValidator<MatriculationDay, String> {
      @Override
      public boolean isValid(String anchor, ConstraintValidatorContext context) {
        String text = anchor == null ? "" : anchor.strip();
        return day(text) != null
            || ViolationText.refuse(
                context,
                "'"
                    + text
                    + "' is not a month and day; write the matriculation day as MM-DD, e.g."
                    + " 08-01.");
      }
    }
  }

  /** The day an anchor names, or null. */
  static MonthDay day(String anchor) {
    try {
      return MonthDay.parse("--" + (anchor == null ? "" : anchor.strip()));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Every line of the stage list is a stage object. */
  @Documented
  @Constraint(validatedBy = EveryStageGiven.Check.class)
  @Target(TYPE)
  @Retention(RUNTIME)
  public @interface EveryStageGiven {
    String message() default "give the stage as an object.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link EveryStageGiven}. */
    final class Check implements ConstraintValidator<EveryStageGiven, ScheduleTemplateView> {
      @Override
      public boolean isValid(ScheduleTemplateView template, ConstraintValidatorContext context) {
        List<ScheduleTemplateView.StageView> stages =
            template.stages() == null ? List.of() : template.stages();
        boolean valid = true;
        for (int i = 0; i < stages.size(); i++) {
          if (stages.get(i) == null) {
            if (valid) {
              context.disableDefaultConstraintViolation();
            }
            valid = false;
            context
                .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("stages")
                .addBeanNode()
                .inIterable()
                .atIndex(i)
                .addConstraintViolation();
          }
        }
        return valid;
      }
    }
  }

  /**
   * A stage's code, names and phase (see {@link StageDefinition}): a stage of Rapport's standard
   * sequence takes its standard names and phase where they are left out.
   */
  @Documented
  @Constraint(validatedBy = DefinedStage.Check.class)
  @Target(TYPE)
  @Retention(RUNTIME)
  public @interface DefinedStage {
    String message() default "define the stage";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link DefinedStage}. */
    final class Check implements ConstraintValidator<DefinedStage, ScheduleTemplateView.StageView> {
      @Override
      public boolean isValid(
          ScheduleTemplateView.StageView stage, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        return StageDefinition.read(
                (field, whatToDo) -> ViolationText.refuse(context, field, whatToDo), stage)
            .isPresent();
      }
    }
  }
}
