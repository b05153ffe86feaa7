package org.rapport.lti.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the database says about one session when a request presents its token: when it was last
 * used, whether it was ended, and whether the same learner has launched into the same course since
 * (which ends it: the newest launch is the only valid session).
 */
record SessionActivity(Instant lastSeen, Instant ended, boolean superseded) {
  /** Why a session no longer counts. */
  enum End {
    ENDED("The session was ended."),
    SUPERSEDED("The same person launched Rapport again from this course; only the newest counts."),
    IDLE("The session was idle for longer than rapport.session.idle-minutes.");

    private final String sentence;

    End(String sentence) {
      this.sentence = sentence;
    }

    String sentence() {
      return sentence;
    }
  }

  /** Why the session is over at {@code now}, or empty while it is alive. */
  Optional<End> endAt(Instant now, Duration idle) {
    if (ended != null && !ended.isAfter(now)) {
      return Optional.of(End.ENDED);
    }
    if (superseded) {
      return Optional.of(End.SUPERSEDED);
    }
    if (now.isAfter(lastSeen.plus(idle))) {
      return Optional.of(End.IDLE);
    }
    return Optional.empty();
  }

  /**
   * Whether to write {@code now} as the new last use: at most once a minute, so that a page with
   * many requests does not write on each.
   */
  boolean worthTouching(Instant now) {
    return now.isAfter(lastSeen.plusSeconds(60));
  }
}
