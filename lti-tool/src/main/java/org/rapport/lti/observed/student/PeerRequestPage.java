package org.rapport.lti.observed.student;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * Asking a classmate to rate a practice step (template {@code observed-peer-request}).
 *
 * @param open how many classmates were asked for this practice and have not rated yet
 * @param full no more requests can be open for this practice
 * @param problem why the last request was refused; {@code null} when none was
 * @param sent a request was just sent
 */
public record PeerRequestPage(
    Nav nav,
    String s,
    String moduleTitle,
    String stepTitle,
    String moduleId,
    String stepId,
    String action,
    String stepHref,
    String observedHref,
    List<Classmate> classmates,
    int open,
    int limit,
    boolean full,
    String problem,
    boolean sent) {

  public boolean noClassmates() {
    return classmates.isEmpty();
  }

  public boolean anyOpen() {
    return open > 0;
  }

  /** A classmate to choose. */
  public record Classmate(String id, String name, boolean selected) {}
}
