package org.rapport.lti.registration;

/** Why a dynamic registration invite was not accepted, with the sentence the LMS window shows. */
public enum InviteRefusal {
  UNKNOWN(
      403,
      "This registration link is not valid. Ask a Rapport administrator for a new dynamic"
          + " registration URL (made on Rapport's administration page) and paste it into your LMS."),
  EXPIRED(
      410,
      "This registration invite has expired. Ask a Rapport administrator for a new dynamic"
          + " registration URL."),
  USED(
      410,
      "This registration invite has already been used; each invite registers one LMS. Ask a"
          + " Rapport administrator for a new dynamic registration URL."),
  REVOKED(
      410,
      "This registration invite was revoked by an administrator. Ask a Rapport administrator for a"
          + " new dynamic registration URL.");

  private final int status;
  private final String sentence;

  InviteRefusal(int status, String sentence) {
    this.status = status;
    this.sentence = sentence;
  }

  public int status() {
    return status;
  }

  public String sentence() {
    return sentence;
  }
}
