package org.rapport.curriculum.assessments;

import java.util.Objects;
import org.rapport.curriculum.instruments.Instrument;

/** One answer that cannot be accepted for an instrument, with the sentence shown to the learner. */
public record AnswerProblem(Reason reason, int item, int answer, String message) {

  /** Why an answer is rejected; each carries the sentence template used on the page and in logs. */
  public enum Reason {
    /** The item number is not part of the instrument version answered. */
    UNKNOWN_ITEM("item %d is not an item of %s"),
    /** The answer is not a point on the instrument's scale. */
    OUT_OF_RANGE("item %d: answer %d is outside the scale %d–%d");

    private final String template;

    Reason(String template) {
      this.template = template;
    }

    public String template() {
      return template;
    }
  }

  public AnswerProblem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  static AnswerProblem unknownItem(Instrument instrument, int item, int answer) {
    return new AnswerProblem(
        Reason.UNKNOWN_ITEM,
        item,
        answer,
        String.format(Reason.UNKNOWN_ITEM.template(), item, instrument.ref()));
  }

  static AnswerProblem outOfRange(Instrument instrument, int item, int answer) {
    return new AnswerProblem(
        Reason.OUT_OF_RANGE,
        item,
        answer,
        String.format(
            Reason.OUT_OF_RANGE.template(),
            item,
            answer,
            instrument.scale().min(),
            instrument.scale().max()));
  }
}
