package org.rapport.lti.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Mustache templates under {@code templates/} on the classpath. Mustache escapes every
 * {@code {{value}}} for HTML, so user-supplied text cannot inject markup; only {@code {{{html}}}}
 * slots carry markup, and those are filled by Rapport's own renderers.
 */
@ApplicationScoped
public class Pages {
  private final MustacheFactory factory = new DefaultMustacheFactory("templates");

  @Inject FormToken formToken;

  /**
   * Renders {@code templates/<name>.mustache} with {@code title} and one typed view: the template's
   * names are the record's components (and methods), so a page's data is declared once.
   */
  public String render(String name, String title, Record view) {
    Map<String, Object> page = new HashMap<>();
    page.put("pageTitle", title);
    csrf().ifPresent(token -> page.put("csrfToken", token));
    Mustache template = factory.compile(name + ".mustache");
    StringWriter out = new StringWriter();
    template.execute(out, List.of(page, view));
    return out.toString();
  }

  /** The admin's CSRF token when rendering inside an admin request (never in background work). */
  private java.util.Optional<String> csrf() {
    if (formToken == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.ofNullable(formToken.value());
    } catch (ContextNotActiveException outsideARequest) {
      return java.util.Optional.empty();
    }
  }
}
