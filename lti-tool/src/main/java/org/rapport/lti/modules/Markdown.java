package org.rapport.lti.modules;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns module text (Markdown) into HTML for the pages. Raw HTML in the source is escaped, not
 * passed through, and link targets with unsafe schemes are dropped, so an institution's module file
 * cannot put markup or scripts into Rapport's pages.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  public static String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return RENDERER.render(PARSER.parse(markdown));
  }
}
