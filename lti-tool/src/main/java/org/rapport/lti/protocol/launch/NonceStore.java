package org.rapport.lti.protocol.launch;

import java.time.Instant;

/**
 * Port: the nonces Rapport issued at login (Security Framework §5.1.3 step 9), with a time to live,
 * shared by every node. Recording an issued nonce is the login caller's business.
 */
public interface NonceStore {

  /**
   * Uses a nonce: {@code true} iff it was issued by Rapport, has not expired at {@code now} and was
   * not used before; atomically marks it used, so that a second call returns {@code false}.
   */
  boolean consume(String nonce, Instant now);
}
