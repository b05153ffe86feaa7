package org.rapport.lti.settings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundPolicy;

/**
 * The outbound-HTTP guard of this node, shared by every caller of a platform-supplied URL. Outside
 * development mode only https is called; loopback addresses are allowed only when {@code
 * rapport.outbound.allow-loopback} is true, which development mode makes the default (the built-in
 * test platform answers on the same machine).
 */
@ApplicationScoped
public class OutboundSettings {
  @Inject RapportSettings settings;

  @Inject
  @ConfigProperty(name = "rapport.outbound.allow-loopback")
  Optional<Boolean> allowLoopback;

  private OutboundHttp http;

  @PostConstruct
  void init() {
    http = new OutboundHttp(policy());
  }

  public OutboundPolicy policy() {
    boolean dev = settings.devMode();
    return new OutboundPolicy(!dev, allowLoopback.orElse(dev));
  }

  /** The guarded client every platform call goes through. */
  public OutboundHttp http() {
    return http;
  }
}
