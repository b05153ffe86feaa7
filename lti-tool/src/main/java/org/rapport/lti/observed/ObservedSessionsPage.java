package org.rapport.lti.observed;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * The course's encounter sessions for its faculty (template {@code observed-sessions}).
 *
 * @param notice what was just done, or null
 */
public record ObservedSessionsPage(
    Nav nav, String s, String newHref, List<Row> sessions, String notice) {
  /** One session: what, when, how far its ratings are. */
  public record Row(
      String title,
      String setting,
      String heldOn,
      String heldOnIso,
      String stage,
      long encounters,
      long ratings,
      long raters,
      boolean released,
      String releasedOn,
      String href) {}

  public boolean empty() {
    return sessions.isEmpty();
  }
}
