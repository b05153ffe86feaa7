package org.rapport.lti.assessment;

/**
 * Why a student's save or submission was not accepted, with the HTTP status, the page title and the
 * sentence the student reads (also logged). Nothing is stored when one of these is the answer.
 */
public enum Refusal {
  NO_SUCH_WAVE(
      404,
      "Nothing to answer",
      "There is no such self-assessment. Open it again from your course."),
  NOT_YOUR_WAVE(
      403,
      "Not your self-assessment",
      "This self-assessment belongs to another class, so you cannot answer it. Your own"
          + " self-assessment is on the Empathy self-assessment page of your course."),
  NO_CONSENT(
      403,
      "Privacy notice first",
      "Please read the privacy notice and agree to it before answering. Nothing has been saved."),
  NO_COHORT(
      409,
      "Your class first",
      "Please tell us which year you started medical school before answering."),
  NOT_OPEN_YET(
      409,
      "Not open yet",
      "This self-assessment opens on %s. You can answer it from then on; nothing was saved now."),
  CLOSED(
      409,
      "Self-assessment closed",
      "This self-assessment closed on %s, so answers can no longer be saved or submitted. Nothing"
          + " you saved before has changed."),
  ALREADY_SUBMITTED(
      409,
      "Already submitted",
      "You submitted your answers to this self-assessment on %s. Submitted answers cannot be"
          + " changed, so your answers stay as you submitted them."),
  UNAVAILABLE(
      409,
      "Not available yet",
      "This self-assessment cannot be answered at the moment because its questions have not been"
          + " set up. Please try again later; your school has been told."),
  INVALID_ANSWER(400, "Answer not understood", "Some answers could not be read: %s.");

  private final int status;
  private final String title;
  private final String template;

  Refusal(int status, String title, String template) {
    this.status = status;
    this.title = title;
    this.template = template;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String message(Object... values) {
    return String.format(template, values);
  }
}
