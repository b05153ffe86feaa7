package org.rapport.lti.modules;

/** A student's request the player refuses, with the reason to show. */
public class PlayerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final PlayerProblem problem;

  public PlayerException(PlayerProblem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public PlayerProblem problem() {
    return problem;
  }
}
