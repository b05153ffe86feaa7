package org.rapport.lti.cohorts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.web.BodyProblems;

/**
 * Checks the instrument an administrator chooses for a wave or a stage against what is installed;
 * an omitted version means the newest installed. An instrument that exists but cannot be scheduled
 * (licensed texts not supplied) is a conflict with the installation, said with {@link
 * Instrument#unschedulableReason()}. Rating forms are never a choice: naming one is refused with
 * the self-assessment instruments that can be chosen instead.
 */
final class InstrumentChoice {
  private InstrumentChoice() {}

  /** The chosen instrument, or empty with its problem added at {@code field}. */
  static Optional<InstrumentRef> check(
      Instruments instruments, BodyProblems problems, String field, String id, Integer version) {
    if (id == null || id.isBlank()) {
      problems.add(field, "give an instrument id, e.g. rapport-empathy.");
      return Optional.empty();
    }
    List<Instrument> versions =
        instruments.catalog().selfReports().stream()
            .filter(i -> i.id().value().equals(id.strip()))
            .toList();
    Optional<Instrument> ratingForm =
        instruments.catalog().all().stream()
            .filter(i -> i.isRatingForm() && i.id().value().equals(id.strip()))
            .findFirst();
    if (versions.isEmpty() && ratingForm.isPresent()) {
      problems.add(
          field,
          ratingForm.get().unschedulableReason().orElseThrow()
              + "; choose a self-assessment instrument: "
              + instruments.catalog().schedulable().stream()
                  .map(i -> i.id().value())
                  .distinct()
                  .collect(Collectors.joining(", "))
              + ".");
      return Optional.empty();
    }
    if (versions.isEmpty()) {
      problems.add(
          field,
          "no instrument '"
              + id.strip()
              + "' is installed; installed: "
              + instruments.catalog().selfReports().stream()
                  .map(i -> i.id().value())
                  .distinct()
                  .collect(Collectors.joining(", "))
              + ".");
      return Optional.empty();
    }
    Instrument chosen;
    if (version == null) {
      chosen = versions.stream().max(Comparator.comparingInt(Instrument::version)).orElseThrow();
    } else {
      chosen = versions.stream().filter(i -> i.version() == version).findFirst().orElse(null);
      if (chosen == null) {
        problems.add(
            field,
            id.strip()
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
      problems.conflict(field, chosen.unschedulableReason().orElseThrow());
      return Optional.empty();
    }
    return Optional.of(chosen.ref());
  }
}
