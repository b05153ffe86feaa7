package org.rapport.lti.web;

/**
 * Escaping for text that Rapport writes into HTML or SVG markup itself, outside the templates
 * (which escape on their own): chart labels, citation links. One escaper, so every hand-built
 * fragment treats the same characters the same way.
 */
public final class Html {
  private Html() {}

  /** The text with {@code < > & " '} replaced by entities; empty for {@code null}. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
