package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void rendersHeadingsEmphasisListsAndQuotes() {
    String html =
        Markdown.toHtml("### Title\n\nSome **bold** and *soft* words.\n\n- one\n- two\n\n> note");
    assertTrue(html.contains("<h3>Title</h3>"), html);
    assertTrue(html.contains("<strong>bold</strong>"), html);
    assertTrue(html.contains("<em>soft</em>"), html);
    assertTrue(html.contains("<li>one</li>"), html);
    assertTrue(html.contains("<blockquote>"), html);
  }

  @Test
  void escapesRawHtmlBlocksAndInlineTags() {
    String html =
        Markdown.toHtml(
            "<script>alert('x')</script>\n\nText with <img src=x onerror=alert(1)> inside.");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
  }

  @Test
  void dropsScriptLinks() {
    String html = Markdown.toHtml("[click](javascript:alert(1)) and [safe](https://example.org/)");
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("href=\"https://example.org/\""), html);
  }

  @Test
  void blankTextRendersNothing() {
    assertEquals("", Markdown.toHtml("  "));
    assertEquals("", Markdown.toHtml(null));
  }
}
