package org.rapport.lti.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.protocol.outbound.OutboundPolicy;
import org.rapport.lti.protocol.outbound.OutboundRefusal;

/**
 * Checks, when a registration is saved, the platform addresses Rapport itself calls (the key set
 * and the token endpoint) against the outbound policy: a form Rapport would refuse, or a host
 * written as an address it must not call (this server, an internal network). Host names are not
 * resolved here; the guard resolves them at every call. What would otherwise fail only at the first
 * launch is said at once, to the administrator who can fix it.
 */
final class CalledAddresses {
  private CalledAddresses() {}

  /** One "field: reason" per address the policy refuses. */
  static List<String> problems(OutboundPolicy policy, RegistrationSettings settings) {
    List<String> problems = new ArrayList<>();
    problem(policy, "tokenEndpoint", settings.tokenEndpoint()).ifPresent(problems::add);
    problem(policy, "jwksUri", settings.jwksUri()).ifPresent(problems::add);
    return problems;
  }

  private static Optional<String> problem(OutboundPolicy policy, String field, URI uri) {
    if (uri == null) {
      return Optional.empty();
    }
    Optional<OutboundRefusal> refusal = policy.refusal(uri);
    if (refusal.isEmpty()) {
      refusal = literal(uri.getHost()).flatMap(policy::refusal);
    }
    return refusal.map(r -> field + ": " + r.sentence());
  }

  /** The address a host names without a look-up: a dotted IPv4, an IPv6 literal, localhost. */
  static Optional<InetAddress> literal(String host) {
    if (host == null) {
      return Optional.empty();
    }
    if (host.equalsIgnoreCase("localhost")) {
      return Optional.of(InetAddress.getLoopbackAddress());
    }
    try {
      if (host.startsWith("[") && host.endsWith("]")) {
        // An IPv6 literal is parsed, never looked up.
        return Optional.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
      }
      String[] parts = host.split("\\.", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      byte[] address = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
          return Optional.empty();
        }
        address[i] = (byte) Integer.parseInt(parts[i]);
      }
      return Optional.of(InetAddress.getByAddress(address));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
