package org.rapport.lti.observed.student;

/** A peer request that cannot be made at all: no such practice step, or not submitted yet. */
public class PeerRequestRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;

  PeerRequestRefused(int status, String title, String sentence) {
    super(sentence);
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
