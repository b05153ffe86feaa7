package org.rapport.lti.observed;

/** A rating link or a rating the use cases refused; the resource turns it into a page. */
public class RatingRefused extends RuntimeException {
  private final LinkRefusal refusal;

  public RatingRefused(LinkRefusal refusal) {
    super(refusal.sentence());
    this.refusal = refusal;
  }

  public LinkRefusal refusal() {
    return refusal;
  }
}
