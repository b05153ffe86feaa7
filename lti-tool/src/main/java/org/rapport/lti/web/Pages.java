package org.rapport.lti.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the Mustache templates under {@code templates/} on the classpath. Mustache escapes every
 * {@code {{value}}} for HTML, so user-supplied text cannot inject markup; only {@code {{{html}}}}
 * slots carry markup, and those are filled by Rapport's own renderers.
 */
@ApplicationScoped
public class Pages {
  private final MustacheFactory factory = new DefaultMustacheFactory("templates");

  /** Renders {@code templates/<name>.mustache} with {@code title} and the given values. */
  public String render(String name, String title, Map<String, ?> values) {
    Map<String, Object> scope = new HashMap<>(values);
    scope.put("pageTitle", title);
    Mustache template = factory.compile(name + ".mustache");
    StringWriter out = new StringWriter();
    template.execute(out, scope);
    return out.toString();
  }
}
