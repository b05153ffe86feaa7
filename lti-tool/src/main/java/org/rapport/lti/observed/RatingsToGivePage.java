package org.rapport.lti.observed;

import java.util.List;
import org.rapport.lti.web.Nav;

/** The ratings a launched user (faculty, a peer) was asked for and has not given yet. */
public record RatingsToGivePage(Nav nav, List<Row> rows) {
  /** One rating to give. */
  public record Row(String studentName, String context, String raterLabel, String href) {}

  public boolean empty() {
    return rows.isEmpty();
  }
}
