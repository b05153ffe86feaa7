package org.rapport.lti.assessment;

/** A save or submission refused for a {@link Refusal}; the transaction rolls back. */
public class AssessmentRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Refusal refusal;

  public AssessmentRefused(Refusal refusal, Object... values) {
    super(refusal.message(values));
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
