package org.rapport.lti.deeplinking;

import java.util.List;

/**
 * The content-selection page: the activities in groups, what the search shows, and what the LMS
 * accepts here.
 *
 * @param id the deep-linking request's random id
 * @param s the session token the page's forms carry
 * @param q the search text, empty when none
 * @param error why the last answer was refused, or null
 */
record ContentSelectionView(
    String id,
    String s,
    String q,
    List<Group> groups,
    int shown,
    int total,
    boolean multiple,
    boolean lineItems,
    boolean acceptsLinks,
    String error) {
  boolean nothingFound() {
    return shown == 0;
  }

  /** Several items are chosen with checkboxes, one with radio buttons. */
  String inputType() {
    return multiple ? "checkbox" : "radio";
  }

  /** The activities of one family (or the self-assessment waves), with an optional hint. */
  record Group(String id, String label, String hint, List<Choice> items) {}

  /**
   * One activity to choose; {@code search} is the lower-case text the search box filters on.
   *
   * @param minutes typical duration; 0 when not known
   */
  record Choice(
      String key, String title, String summary, int minutes, boolean checked, String search) {}
}
