package org.rapport.lti.observed;

/** How complete a rating is. */
public enum RatingStatus {
  /** Every item answered. */
  COMPLETE,
  /** Some items could not be judged; the form's missing rule filled them in. */
  PRORATED,
  /** Too many items left out for a score; the comment still counts. */
  INCOMPLETE,
  /** Imported as a total, without item answers. */
  GIVEN
}
