package org.rapport.curriculum.modules;

import java.util.List;
import java.util.stream.Collectors;

/** Curriculum content that breaks the rules; the message lists every problem, one per line. */
public class ContentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ContentProblem> problems;

  public ContentException(List<ContentProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A ContentException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<ContentProblem> problems() {
    return problems;
  }

  private static String describe(List<ContentProblem> problems) {
    String heading =
        problems.size() == 1
            ? "Curriculum content has 1 problem:"
            : "Curriculum content has " + problems.size() + " problems:";
    return problems.stream()
        .map(ContentProblem::toString)
        .collect(Collectors.joining("\n  ", heading + "\n  ", ""));
  }
}
