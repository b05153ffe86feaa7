package org.rapport.lti.modules;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
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

  /** Renders a text that sits under the page's {@code h1}: its top headings become {@code h2}. */
  public static String toHtml(String markdown) {
    return toHtml(markdown, 2);
  }

  /**
   * Renders a text whose top headings must be of level {@code topLevel}: the text's own heading
   * levels are shifted so the outline of the page never skips a level, whatever level the author
   * started at.
   */
  public static String toHtml(String markdown, int topLevel) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(markdown);
    int[] top = {7};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            top[0] = Math.min(top[0], heading.getLevel());
          }
        });
    int shift = topLevel - top[0];
    if (top[0] < 7 && shift != 0) {
      document.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
              heading.setLevel(Math.max(topLevel, Math.min(6, heading.getLevel() + shift)));
            }
          });
    }
    return RENDERER.render(document);
  }
}
