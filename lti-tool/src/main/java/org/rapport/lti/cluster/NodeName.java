package org.rapport.lti.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name ({@code rapport.node.name}, by default the host name), written beside the work
 * it claims so that administrators can tell which node did what. It must differ between nodes and
 * stay the same across a node's restarts: a starting node marks the imports that were running under
 * its name as interrupted.
 */
@ApplicationScoped
public class NodeName {
  static final int LENGTH = 120;

  @Inject
  @ConfigProperty(name = "rapport.node.name")
  Optional<String> configured;

  private volatile String name;

  public String get() {
    String known = name;
    if (known == null) {
      known = configured.map(String::strip).filter(n -> !n.isEmpty()).orElseGet(NodeName::host);
      known = known.length() > LENGTH ? known.substring(0, LENGTH) : known;
      name = known;
    }
    return known;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "rapport";
    }
  }
}
