package org.rapport.lti.cohorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.web.BodyProblems;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;

/**
 * Collects every problem of an admin request before answering. An instrument that exists but cannot
 * be scheduled (licensed texts not supplied) is a conflict with the installation: when it is the
 * only problem the answer is 409 with {@link Instrument#unschedulableReason()} as the sentence;
 * with other problems it is listed among them in a 400.
 */
public final class RequestProblems {
  private final List<String> problems = new ArrayList<>();
  private boolean onlyConflicts = true;

  public void add(String problem) {
    problems.add(problem);
    onlyConflicts = false;
  }

  public void conflict(String problem) {
    problems.add(problem);
  }

  /** How many problems were found so far. */
  public int size() {
    return problems.size();
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws the 400 or 409 answer when there is any problem. */
  public void throwIfAny() {
    if (problems.isEmpty()) {
      return;
    }
    if (onlyConflicts) {
      throw new ConflictException(problems);
    }
    throw new InvalidRequestException(problems);
  }

  /** Checks an instrument choice; an omitted version means the newest installed. */
  public Optional<InstrumentRef> instrument(
      Instruments instruments, String field, String id, Integer version) {
    BodyProblems found = new BodyProblems(Record.class);
    Optional<InstrumentRef> chosen = InstrumentChoice.check(instruments, found, field, id, version);
    if (found.isEmpty()) {
      return chosen;
    }
    if (found.onlyConflicts()) {
      found.list().forEach(this::conflict);
    } else {
      found.list().forEach(this::add);
    }
    return chosen;
  }

  /** Reads a whole number within bounds. */
  public Optional<Integer> between(String field, Integer value, int min, int max, String unit) {
    if (value == null) {
      add(field + ": give a number of " + unit + " from " + min + " to " + max + ".");
      return Optional.empty();
    }
    if (value < min || value > max) {
      add(field + ": " + value + " is outside " + min + "–" + max + " " + unit + ".");
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
