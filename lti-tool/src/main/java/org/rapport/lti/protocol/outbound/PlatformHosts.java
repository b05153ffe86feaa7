package org.rapport.lti.protocol.outbound;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts a registration's platform lives on, for checking service URLs (AGS, NRPS) that arrive
 * in a launch: a signed launch may only send Rapport to its own platform, never to a third host.
 *
 * <p>A URL is on the platform when its host is one of the registration's hosts (issuer,
 * authorization, token and JWKS endpoints), or lies in the same parent domain as one of them:
 * Canvas issues {@code https://canvas.instructure.com} but serves a school's services from {@code
 * school.instructure.com}. The parent domain is the host without its first label, used only when it
 * keeps at least two labels; address literals must match exactly.
 */
public final class PlatformHosts {
  private final Set<String> hosts = new LinkedHashSet<>();
  private final Set<String> domains = new LinkedHashSet<>();

  public PlatformHosts(Iterable<URI> platformUrls) {
    for (URI url : platformUrls) {
      if (url == null || url.getHost() == null) {
        continue;
      }
      String host = normal(url.getHost());
      hosts.add(host);
      if (!isLiteral(host)) {
        int dot = host.indexOf('.');
        String parent = dot < 0 ? "" : host.substring(dot + 1);
        if (parent.indexOf('.') > 0) {
          domains.add(parent);
        }
      }
    }
  }

  /** True when the URL's host is one of the platform's hosts or in one of their parent domains. */
  public boolean admits(URI url) {
    if (url == null || url.getHost() == null) {
      return false;
    }
    String host = normal(url.getHost());
    if (hosts.contains(host)) {
      return true;
    }
    if (isLiteral(host)) {
      return false;
    }
    for (String domain : domains) {
      if (host.equals(domain) || host.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  /** The platform's hosts, for messages. */
  public Set<String> hosts() {
    return Set.copyOf(hosts);
  }

  private static String normal(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static boolean isLiteral(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }
}
