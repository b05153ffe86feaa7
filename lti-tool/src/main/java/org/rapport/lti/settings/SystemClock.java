package org.rapport.lti.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The one {@link Clock} of the application: inject {@code Clock} wherever time matters instead of
 * calling {@code now()}, so that tests can move time instead of waiting for it. It is the system
 * clock in UTC; only in development mode can it be moved forward ({@link #advance}), so that a test
 * sees a lease run out, a retry fall due or a session expire without waiting for it.
 */
@ApplicationScoped
public class SystemClock {
  private final ShiftedClock clock = new ShiftedClock(Clock.systemUTC());

  @Inject RapportSettings settings;

  @Produces
  Clock clock() {
    return clock;
  }

  /**
   * Moves the application's clock forward by {@code by}; returns how far it is ahead of the system
   * clock now.
   *
   * @throws IllegalStateException outside development mode
   */
  public Duration advance(Duration by) {
    requireDevMode();
    return clock.advance(by);
  }

  /** Puts the application's clock back in step with the system clock. */
  public void reset() {
    requireDevMode();
    clock.reset();
  }

  private void requireDevMode() {
    if (!settings.devMode()) {
      throw new IllegalStateException("Only development mode can move the clock.");
    }
  }
}
