package org.rapport.lti.cohorts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;
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
    if (id == null || id.isBlank()) {
      add(field + ": give an instrument id, e.g. rapport-empathy.");
      return Optional.empty();
    }
    List<Instrument> versions =
        instruments.catalog().all().stream()
            .filter(i -> i.id().value().equals(id.strip()))
            .toList();
    if (versions.isEmpty()) {
      add(
          field
              + ": no instrument '"
              + id.strip()
              + "' is installed; installed: "
              + instruments.catalog().all().stream()
                  .map(i -> i.id().value())
                  .distinct()
                  .collect(Collectors.joining(", "))
              + ".");
      return Optional.empty();
    }
    Instrument chosen;
    if (version == null) {
      chosen = instruments.catalog().latest(InstrumentId.of(id.strip())).orElseThrow();
    } else {
      chosen = versions.stream().filter(i -> i.version() == version).findFirst().orElse(null);
      if (chosen == null) {
        add(
            field
                + ": "
                + id.strip()
                + " has no version "
                + version
                + "; installed versions: "
                + versions.stream()
                    .map(i -> String.valueOf(i.version()))
                    .collect(Collectors.joining(", "))
                + ".");
        return Optional.empty();
      }
    }
    if (!chosen.schedulable()) {
      conflict(chosen.unschedulableReason().orElseThrow());
      return Optional.empty();
    }
    return Optional.of(chosen.ref());
  }

  /** Reads a date written as YYYY-MM-DD. */
  public Optional<LocalDate> date(String field, String text) {
    if (text == null || text.isBlank()) {
      add(field + ": give a date as YYYY-MM-DD.");
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      add(field + ": '" + text.strip() + "' is not a date; write it as YYYY-MM-DD.");
      return Optional.empty();
    }
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
