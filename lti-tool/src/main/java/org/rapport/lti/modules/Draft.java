package org.rapport.lti.modules;

/**
 * What a student sent in a form that was refused, shown again with the reason so nothing they wrote
 * or chose is lost.
 *
 * @param detail an extra sentence (which questions lack an answer), or null
 */
record Draft(
    PlayerProblem problem,
    String detail,
    String choice,
    CheckAnswers answers,
    String text,
    ChecklistTicks ticks) {

  static Draft of(PlayerProblem problem) {
    return new Draft(problem, null, null, null, null, null);
  }

  Draft withChoice(String value) {
    return new Draft(problem, detail, value, answers, text, ticks);
  }

  Draft withAnswers(CheckAnswers value, String sentence) {
    return new Draft(problem, sentence, choice, value, text, ticks);
  }

  Draft withText(String value, ChecklistTicks checked) {
    return new Draft(problem, detail, choice, answers, value, checked);
  }
}
