package org.rapport.curriculum.instruments;

import java.util.List;
import java.util.stream.Collectors;

/** Instrument definitions or licensed texts could not be used; lists every problem found. */
public class InstrumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<InstrumentProblem> problems;

  public InstrumentException(List<InstrumentProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<InstrumentProblem> problems() {
    return problems;
  }

  private static String describe(List<InstrumentProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InstrumentException needs at least one problem");
    }
    return problems.size()
        + (problems.size() == 1 ? " instrument problem:" : " instrument problems:")
        + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
  }
}
