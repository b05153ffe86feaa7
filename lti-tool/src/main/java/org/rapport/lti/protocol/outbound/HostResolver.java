package org.rapport.lti.protocol.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; replaced in tests so that no real name is looked up. */
@FunctionalInterface
public interface HostResolver {
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * @param host a host name (never an address literal: those are parsed without resolving)
   * @throws UnknownHostException when it has no address
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
