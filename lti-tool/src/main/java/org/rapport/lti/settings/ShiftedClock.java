package org.rapport.lti.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that reads another clock plus an offset. Every copy made with {@link #withZone} shares
 * the same offset. Thread-safe: the offset is one atomic reference.
 */
public final class ShiftedClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  public ShiftedClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private ShiftedClock(Clock base, AtomicReference<Duration> offset) {
    this.base = Objects.requireNonNull(base);
    this.offset = offset;
  }

  /** Moves this clock forward by {@code by} (not negative); returns the offset now in force. */
  public Duration advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("A clock moves forward only, not by " + by + ".");
    }
    return offset.accumulateAndGet(by, Duration::plus);
  }

  /** Puts this clock back in step with the clock it reads. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  public Duration offset() {
    return offset.get();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ShiftedClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
