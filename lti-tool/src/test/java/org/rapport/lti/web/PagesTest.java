package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
  record Item(String label, int count) {}

  record View(List<Item> items, String empty, boolean flagged) {}

  private final Pages pages = new Pages();

  @Test
  void aTypedViewsComponentsAreTheTemplatesNamesAndTheTitleComesBesideThem() {
    String html =
        pages.render(
            "pages-test-view",
            "Cohorts <2019>",
            new View(List.of(new Item("a&b", 2), new Item("c", 3)), "none", true));
    assertEquals("<h1>Cohorts &lt;2019&gt;</h1><p>a&amp;b=2</p><p>c=3</p><b>flag</b>\n", html);
  }

  @Test
  void anEmptyListRendersTheInvertedSection() {
    String html = pages.render("pages-test-view", "T", new View(List.of(), "nothing yet", false));
    assertEquals("<h1>T</h1><p>nothing yet</p>\n", html);
  }
}
