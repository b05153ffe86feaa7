package org.rapport.lti.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in fixed one-minute windows and says when a key has used its budget. Memory
 * is bounded: when more than {@value #MAX_KEYS} keys are tracked, windows that have ended are
 * dropped, and if that is not enough the oldest are dropped too, so a flood of made-up keys
 * (spoofed issuers) cannot grow the map without end.
 */
public final class FixedWindowLimiter {
  static final int MAX_KEYS = 50_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private record Window(long startMillis, int count) {}

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public FixedWindowLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether the key is over {@code perMinute} in the current window, without counting anything.
   *
   * @return the seconds until the window ends when the key is over its budget
   */
  public OptionalLong overBudget(String key, int perMinute) {
    long now = clock.millis();
    Window w = windows.get(key);
    if (w == null || now - w.startMillis() >= WINDOW.toMillis() || w.count() < perMinute) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, (w.startMillis() + WINDOW.toMillis() - now + 999) / 1000));
  }

  /** Counts one event for the key. */
  public void count(String key) {
    long now = clock.millis();
    windows.compute(
        key,
        (k, w) ->
            w == null || now - w.startMillis() >= WINDOW.toMillis()
                ? new Window(now, 1)
                : new Window(w.startMillis(), w.count() + 1));
    if (windows.size() > MAX_KEYS) {
      prune(now);
    }
  }

  /**
   * Counts one event and says whether the key is now over {@code perMinute}.
   *
   * @return the seconds until the window ends when the event is over the budget
   */
  public OptionalLong take(String key, int perMinute) {
    OptionalLong over = overBudget(key, perMinute);
    if (over.isPresent()) {
      return over;
    }
    count(key);
    return OptionalLong.empty();
  }

  private void prune(long now) {
    windows.entrySet().removeIf(e -> now - e.getValue().startMillis() >= WINDOW.toMillis());
    if (windows.size() > MAX_KEYS) {
      windows.clear();
    }
  }

  int trackedKeys() {
    return windows.size();
  }
}
