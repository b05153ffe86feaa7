package org.rapport.lti.protocol.testdata;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapport.lti.protocol.launch.NonceStore;

/** Issued nonces with expiry, single use; counts every {@link #consume} call. */
public final class InMemoryNonceStore implements NonceStore {
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final AtomicInteger consumeCalls = new AtomicInteger();

  public InMemoryNonceStore issue(String nonce, Instant expiresAt) {
    issued.put(nonce, expiresAt);
    return this;
  }

  @Override
  public boolean consume(String nonce, Instant now) {
    consumeCalls.incrementAndGet();
    Instant expiresAt = issued.remove(nonce);
    return expiresAt != null && now.isBefore(expiresAt);
  }

  public int consumeCalls() {
    return consumeCalls.get();
  }
}
