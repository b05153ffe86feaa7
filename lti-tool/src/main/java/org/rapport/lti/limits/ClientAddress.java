package org.rapport.lti.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, as throttles key it. Behind a load balancer every
 * request arrives from the balancer's address; when that address is listed in {@code
 * rapport.proxy.trusted-addresses}, the client is the rightmost address of {@code X-Forwarded-For}
 * that is not itself a trusted proxy (addresses further left were written by the client and could
 * be anything). Without the setting, or from any other address, the header is ignored: anyone can
 * send it, and a throttle keyed on it could be sidestepped.
 */
@ApplicationScoped
public class ClientAddress {
  private Set<String> trusted = Set.of();

  @Inject
  void configure(
      @ConfigProperty(name = "rapport.proxy.trusted-addresses") Optional<String> addresses) {
    trusted = parse(addresses.orElse(""));
  }

  static Set<String> parse(String addresses) {
    return Arrays.stream(addresses.split(","))
        .map(String::strip)
        .filter(a -> !a.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  String of(String remote, java.util.Enumeration<String> forwardedHeaders) {
    if (remote == null) {
      return "unknown";
    }
    if (!trusted.contains(remote) || forwardedHeaders == null) {
      return remote;
    }
    List<String> hops =
        java.util.Collections.list(forwardedHeaders).stream()
            .flatMap(h -> Arrays.stream(h.split(",")))
            .map(String::strip)
            .filter(h -> !h.isEmpty())
            .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trusted.contains(hops.get(i))) {
        return hops.get(i);
      }
    }
    return remote;
  }

  /** For tests: trusts these proxies. */
  static ClientAddress trusting(String addresses) {
    ClientAddress address = new ClientAddress();
    address.trusted = parse(addresses);
    return address;
  }
}
