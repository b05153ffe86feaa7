package org.rapport.lti.web;

import java.util.List;

/** The main navigation in a page's header: links, one of them the current page. */
public record Nav(List<Item> items) {
  /** One link; {@code current} marks the page being shown. */
  public record Item(String href, String label, boolean current) {}

  public static Nav of(Item... items) {
    return new Nav(List.of(items));
  }
}
