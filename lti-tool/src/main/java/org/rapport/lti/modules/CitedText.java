package org.rapport.lti.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rapport.curriculum.modules.Citations;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.Reference;
import org.rapport.lti.web.Html;

/**
 * Renders one page's module text with its citations ({@code [@id]}) as numbered links to the
 * references listed on the same page. A reference's number is its position in the module's list, so
 * it is the same on every page of the module. Collects the references the page cites, for the list
 * at its foot.
 */
final class CitedText {
  private final Module module;
  private final Set<String> cited = new LinkedHashSet<>();

  CitedText(Module module) {
    this.module = module;
  }

  /** Markdown to HTML (escaped, see {@link Markdown}), with links for its citations. */
  String markdown(String markdown, int topLevel) {
    // Markdown leaves [@id] as literal text (no link definition matches), so the citations can be
    // replaced in the rendered HTML, where the brackets and ids pass through unescaped.
    return link(Markdown.toHtml(markdown, topLevel));
  }

  String markdown(String markdown) {
    return markdown(markdown, 2);
  }

  /** Plain text to escaped HTML, with links for its citations. */
  String plain(String text) {
    return link(Html.escape(text));
  }

  /** The references cited so far on this page, numbered as in the module. */
  List<ReferenceView> citedReferences() {
    List<ReferenceView> list = new ArrayList<>();
    List<Reference> all = module.references();
    for (int i = 0; i < all.size(); i++) {
      if (cited.contains(all.get(i).id())) {
        list.add(entry(all.get(i), i + 1));
      }
    }
    return list;
  }

  /** Every reference of the module, numbered. */
  static List<ReferenceView> allReferences(Module module) {
    List<ReferenceView> list = new ArrayList<>();
    List<Reference> all = module.references();
    for (int i = 0; i < all.size(); i++) {
      list.add(entry(all.get(i), i + 1));
    }
    return list;
  }

  private static ReferenceView entry(Reference reference, int number) {
    return new ReferenceView(
        number,
        anchor(reference.id()),
        reference.text(),
        reference.url().orElse(""),
        reference.url().isPresent());
  }

  static String anchor(String referenceId) {
    return "ref-" + referenceId;
  }

  private String link(String html) {
    List<Citations.Citation> citations = Citations.in(html);
    if (citations.isEmpty()) {
      return html;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Citations.Citation citation : citations) {
      out.append(html, at, citation.start());
      List<String> links = new ArrayList<>();
      for (String id : citation.ids()) {
        int number = number(id);
        if (number == 0) {
          // The reader refuses unknown ids; keep the text rather than invent a link.
          links.add(Html.escape("@" + id));
          continue;
        }
        cited.add(id);
        links.add(
            "<a class=\"citation\" href=\"#"
                + anchor(id)
                + "\"><span class=\"visually-hidden\">reference </span>"
                + number
                + "</a>");
      }
      out.append("<span class=\"citations\">[").append(String.join(", ", links)).append("]</span>");
      at = citation.end();
    }
    return out.append(html.substring(at)).toString();
  }

  private int number(String id) {
    List<Reference> all = module.references();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    return 0;
  }
}
