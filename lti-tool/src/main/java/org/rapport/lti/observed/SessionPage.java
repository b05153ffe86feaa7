package org.rapport.lti.observed;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * One encounter session for the course's faculty (template {@code observed-session}): its
 * encounters by station and student, each rater's status, and the ratings given, with the actions
 * on its links and its release.
 *
 * @param notice what was just done, or null
 */
public record SessionPage(
    Nav nav,
    String s,
    String backHref,
    String title,
    String setting,
    String heldOn,
    String stage,
    boolean released,
    String releasedText,
    long encounters,
    long raters,
    long ratings,
    int linkRaters,
    int mailable,
    List<Station> stations,
    String sheetHref,
    String mailAction,
    String linksAction,
    String releaseAction,
    String notice) {

  /** The encounters at one station. */
  public record Station(String name, String anchor, List<EncounterView> encounters) {}

  /** One student's encounter and its raters. */
  public record EncounterView(long id, String student, String module, List<RaterView> raters) {}

  /**
   * One rater: kind, name (faculty may see it; students never do), status, link mail, rating.
   *
   * @param state {@code rated}, {@code invited} or {@code expired}
   */
  public record RaterView(
      long id,
      String kind,
      String name,
      String state,
      String status,
      String mail,
      RatingView rating) {}

  /** A rating given: total, per domain, comment. */
  public record RatingView(
      String total, String range, String note, List<Domain> domains, String comment) {}

  /** One domain (subscale) of a rating. */
  public record Domain(String label, String value, String range) {}

  public boolean empty() {
    return stations.isEmpty();
  }

  public boolean hasLinkRaters() {
    return linkRaters > 0;
  }
}
