package org.rapport.lti.protocol.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resolver answering from a table, never from DNS; a name can have a sequence of answers (the
 * first lookup gets the first, later lookups the last), which is how a rebinding name behaves.
 */
final class FakeResolver implements HostResolver {
  private final Map<String, List<List<InetAddress>>> answers = new HashMap<>();
  private final Map<String, AtomicInteger> lookupsByHost = new HashMap<>();
  final AtomicInteger lookups = new AtomicInteger();

  FakeResolver answer(String host, String... addresses) {
    List<InetAddress> answer = new ArrayList<>();
    for (String address : addresses) {
      answer.add(address(host, address));
    }
    answers.computeIfAbsent(host, h -> new ArrayList<>()).add(answer);
    return this;
  }

  private static InetAddress address(String host, String literal) {
    try {
      // getByAddress never looks anything up.
      return InetAddress.getByAddress(host, InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<List<InetAddress>> sequence = answers.get(host);
    if (sequence == null) {
      throw new UnknownHostException(host);
    }
    lookups.incrementAndGet();
    int n = lookupsByHost.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
    return sequence.get(Math.min(n, sequence.size() - 1));
  }
}
