package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void everyCharacterThatCouldOpenMarkupOrEndAnAttributeIsEscaped() {
    assertEquals(
        "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", Html.escape("a & b <c> \"d\" 'e'"));
  }

  @Test
  void nothingBecomesEmpty() {
    assertEquals("", Html.escape(null));
  }
}
