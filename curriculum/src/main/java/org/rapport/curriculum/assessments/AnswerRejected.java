package org.rapport.curriculum.assessments;

import java.util.List;
import java.util.stream.Collectors;

/** Answers that do not fit their instrument; lists every rejected answer. */
public class AnswerRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<AnswerProblem> problems;

  public AnswerRejected(List<AnswerProblem> problems) {
    super(
        "answers rejected: "
            + problems.stream().map(AnswerProblem::message).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("AnswerRejected needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<AnswerProblem> problems() {
    return problems;
  }
}
