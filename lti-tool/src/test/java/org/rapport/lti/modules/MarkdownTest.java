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
    assertTrue(
        html.contains("<h2>Title</h2>"), "the text's top heading sits under the h1: " + html);
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

  @Test
  void headingLevelsAreShiftedSoThePageOutlineNeverSkipsALevel() {
    String text = "### Burnout\n\ntext\n\n#### Signs\n\nmore\n\n### Fatigue";
    assertEquals(
        "<h2>Burnout</h2>\n<p>text</p>\n<h3>Signs</h3>\n<p>more</p>\n<h2>Fatigue</h2>\n",
        Markdown.toHtml(text));
    assertTrue(Markdown.toHtml("# Debrief", 3).startsWith("<h3>Debrief</h3>"));
    assertFalse(Markdown.toHtml("no heading at all").contains("<h"));
  }
}
