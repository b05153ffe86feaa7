package org.rapport.lti.protocol.services;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Link} header (RFC 8288) platforms page service results with (NRPS 2.0 §2.4.2, AGS 2.0
 * §3.2.5): finds the target of {@code rel="next"}, resolved against the request URL.
 */
public final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
  private static final Pattern REL =
      Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))");

  private LinkHeader() {}

  public static Optional<URI> next(List<String> headerValues, URI requestUrl) {
    for (String value : headerValues) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        if (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          for (String name : rels.strip().split("\\s+")) {
            if (name.toLowerCase(Locale.ROOT).equals("next")) {
              try {
                return Optional.of(requestUrl.resolve(link.group(1).strip()));
              } catch (IllegalArgumentException malformed) {
                return Optional.empty();
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code next} is on the same scheme, host and port as {@code first}. */
  public static boolean sameOrigin(URI first, URI next) {
    return first.getScheme() != null
        && first.getScheme().equalsIgnoreCase(next.getScheme())
        && first.getHost() != null
        && first.getHost().equalsIgnoreCase(next.getHost())
        && port(first) == port(next);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
