package org.rapport.lti.launch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;

/** Removes old nonces every hour. */
@Singleton
public class NonceSweeper {
  @Inject NonceRepository nonces;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void sweep() {
    nonces.sweep(Instant.now());
  }
}
