package org.rapport.lti.modules;

/**
 * What can be wrong with a student's request to the player, each with the HTTP status it earns and
 * a sentence the student can act on; the page and the log use the same sentence.
 */
public enum PlayerProblem {
  UNKNOWN_MODULE(
      404,
      "Module not found",
      "There is no module at this address. Go back to the list of modules and choose one from"
          + " there."),
  UNKNOWN_STEP(
      404,
      "Step not found",
      "This module has no step at this address. Go back to the module and pick a step from its"
          + " list."),
  WRONG_KIND(
      400,
      "Not possible on this step",
      "This step does not take that kind of answer. Go back to the step and use its own form."),
  MISSING_CHOICE(400, "Choose a reply", "Choose one of the replies, then press Reply."),
  UNKNOWN_NODE(
      400,
      "Reply not recognised",
      "This reply does not belong to this conversation. Reload the step and choose again."),
  STALE_NODE(
      409,
      "Already answered",
      "You have already answered that part of the conversation, perhaps in another tab. Reload the"
          + " step to carry on from where you are now."),
  SCENARIO_FINISHED(
      409,
      "Conversation finished",
      "This conversation has already finished. Press \"Start the conversation again\" if you would"
          + " like to try other replies."),
  UNKNOWN_CHOICE(
      400,
      "Reply not recognised",
      "That reply is not one of the choices offered. Reload the step and choose again."),
  MISSING_ANSWERS(400, "Answer every question", "Answer every question, then press Check answers."),
  UNKNOWN_OPTION(
      400,
      "Answer not recognised",
      "One of the answers is not an option of its question. Reload the step and answer again."),
  UNKNOWN_CHECKLIST_ITEM(
      400,
      "Checklist point not recognised",
      "One of the ticked points is not on this checklist. Reload the step and tick again."),
  EMPTY_PRACTICE(
      400,
      "Write your answer first",
      "Write your answer in the box before you compare it with the model answer."),
  EMPTY_REFLECTION(
      400,
      "Write your reflection first",
      "Write something before you save; a few sentences are enough."),
  TEXT_TOO_LONG(
      400,
      "Text too long",
      "Your text is longer than "
          + String.format("%,d", TextLimit.MAX_CHARACTERS)
          + " characters. Shorten it, then save again; your text is still in the box."),
  BUSY(
      409,
      "Still saving",
      "Rapport was still saving your previous answer for this module. Wait a moment, then reload"
          + " the page.");

  private final int status;
  private final String title;
  private final String message;

  PlayerProblem(int status, String title, String message) {
    this.status = status;
    this.title = title;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String message() {
    return message;
  }
}
