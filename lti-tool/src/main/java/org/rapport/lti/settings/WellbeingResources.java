package org.rapport.lti.settings;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The institution's own support for students' wellbeing, shown beside a falling self-assessment
 * trajectory: a sentence and links, per tenant ({@code rapport.wellbeing.<registration id>.text}
 * and {@code .links}) or for every tenant ({@code rapport.wellbeing.text} and {@code .links}).
 * Nothing is configured by default, and then no link is shown: Rapport never invents a service or a
 * phone number.
 *
 * <p>Links are written {@code label=https://address}, several separated by {@code |}; an entry that
 * is not an http or https address is left out and logged.
 */
@ApplicationScoped
public class WellbeingResources {
  private static final Logger LOG = Logger.getLogger(WellbeingResources.class.getName());

  /** One link to a service, with the words shown for it. */
  public record Link(String label, String href) {}

  /**
   * What a tenant offers.
   *
   * @param text the institution's sentence; empty when none is configured
   */
  public record Offer(String text, List<Link> links) {
    public static final Offer NONE = new Offer("", List.of());

    public boolean isEmpty() {
      return text.isBlank() && links.isEmpty();
    }
  }

  /** The offer of tenant {@code registrationId}: its own keys, else the keys for every tenant. */
  public Offer forTenant(long registrationId) {
    Config config = ConfigProvider.getConfig();
    String prefix = "rapport.wellbeing." + registrationId + ".";
    Optional<String> text = value(config, prefix + "text");
    Optional<String> links = value(config, prefix + "links");
    if (text.isEmpty() && links.isEmpty()) {
      text = value(config, "rapport.wellbeing.text");
      links = value(config, "rapport.wellbeing.links");
    }
    return new Offer(text.orElse("").strip(), parseLinks(links.orElse("")));
  }

  private static Optional<String> value(Config config, String key) {
    return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
  }

  /** {@code label=https://…|label=https://…}; entries that are not web addresses are left out. */
  static List<Link> parseLinks(String setting) {
    List<Link> links = new ArrayList<>();
    for (String entry : setting.split("\\|")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      String label = eq < 0 ? "" : e.substring(0, eq).strip();
      String href = eq < 0 ? "" : e.substring(eq + 1).strip();
      if (label.isEmpty() || !isWebAddress(href)) {
        LOG.warning(
            () ->
                "A wellbeing link is left out: write it as label=https://address, not '"
                    + e
                    + "'.");
        continue;
      }
      links.add(new Link(label, href));
    }
    return List.copyOf(links);
  }

  private static boolean isWebAddress(String href) {
    try {
      URI uri = URI.create(href);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
