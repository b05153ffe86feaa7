package org.rapport.lti.observed;

/**
 * Why a rating link or a rating was refused: the HTTP status and the sentence the rater reads. A
 * rater without an account cannot ask anyone at Rapport, so each sentence says what to do next.
 */
public enum LinkRefusal {
  UNKNOWN(
      404,
      "Link not recognised",
      "This rating link is not valid. Check that the whole address was copied, or ask the"
          + " coordinator who sent it for the link again."),
  REVOKED(
      404,
      "Link replaced",
      "This rating link has been replaced by a newer one. Use the newest link you were given, or"
          + " ask the coordinator."),
  EXPIRED(
      410,
      "Link expired",
      "This rating link has expired. If you still need to rate this encounter, ask the"
          + " coordinator for a new link."),
  USED(
      409,
      "Already rated",
      "This rating link has already been used and the rating was received. Each link can be used"
          + " once, so nothing more is needed. Thank you."),
  OTHER_ENCOUNTER(
      400,
      "Wrong encounter",
      "This link is for a different encounter from the one in the form that was sent. Open the"
          + " link you were given for this encounter and rate it there."),
  NOT_YOURS(
      403,
      "Not your rating",
      "This rating was not asked of you. Open the ratings you were asked for from your list of"
          + " ratings to give.");

  private final int status;
  private final String title;
  private final String sentence;

  LinkRefusal(int status, String title, String sentence) {
    this.status = status;
    this.title = title;
    this.sentence = sentence;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String sentence() {
    return sentence;
  }
}
