package org.rapport.lti.modules;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * A step of a module: where it sits in the module, the learner's work on it, and, after a refused
 * form, the reason. Exactly one of {@code reading}, {@code scenario}, {@code check}, {@code
 * practice} and {@code reflection} is set, by the step's kind.
 *
 * @param prevHref the previous step, or null on the first step
 * @param error why the last form was refused, or null
 */
record ModuleStepPage(
    String s,
    Nav nav,
    String moduleTitle,
    String moduleHref,
    String catalogueHref,
    String stepTitle,
    String kindLabel,
    String kindKey,
    String stepId,
    int stepNumber,
    int stepCount,
    int doneCount,
    String doneLabel,
    int percentDone,
    boolean stepDone,
    String prevHref,
    String prevTitle,
    String nextLabel,
    String nextHref,
    String nextTitle,
    boolean readForm,
    String readAction,
    List<OutlineItem> outline,
    Refusal error,
    Reading reading,
    Scenario scenario,
    Check check,
    Practice practice,
    Reflection reflection,
    List<ReferenceView> references) {
  boolean hasReferences() {
    return !references.isEmpty();
  }

  /** A step in the outline of the module. */
  record OutlineItem(String title, String kind, String href, boolean done, boolean current) {}

  /** The reason a form was refused; {@code errorDetail} may be null. */
  record Refusal(String errorTitle, String errorMessage, String errorDetail) {}

  /** A reading step's text, as HTML Rapport rendered from the module's Markdown. */
  record Reading(String bodyHtml) {}

  /**
   * A scenario: the situation, the conversation so far, and either the node to answer ({@code
   * current}) or the debrief ({@code ended}); the other is null.
   */
  record Scenario(String settingHtml, List<Exchange> exchanges, Node current, Ended ended) {
    boolean hasExchanges() {
      return !exchanges.isEmpty();
    }

    /** One line of the conversation, the learner's reply and the feedback on it. */
    record Exchange(
        String speaker,
        String saysHtml,
        String replyHtml,
        String qualityLabel,
        String qualityKey,
        String feedbackHtml,
        boolean latest) {}

    /** The line to answer and the replies, in the learner's own order. */
    record Node(
        String nodeId,
        String speaker,
        String saysHtml,
        List<Reply> choices,
        String replyAction,
        boolean invalid) {}

    /** A reply; {@code index} is its place in the module file. */
    record Reply(String index, String textHtml, boolean checked) {}

    /** The end of the conversation. */
    record Ended(String debriefHtml, String restartAction) {}
  }

  /**
   * A knowledge check: the questions to answer, or after submitting, the result with every
   * explanation.
   *
   * @param score correct answers once submitted, else null
   * @param total questions counted once submitted, else null
   */
  record Check(
      boolean submitted,
      String answerAction,
      String retryHref,
      int count,
      List<Question> questions,
      Integer score,
      Integer total) {
    /** One question and its options in the learner's own order. */
    record Question(
        int number,
        String promptHtml,
        String field,
        boolean missing,
        boolean answeredCorrectly,
        List<Option> options) {}

    /** One option; {@code index} is its place in the module file. */
    record Option(
        String index,
        String textHtml,
        boolean chosen,
        boolean correct,
        String explanationHtml,
        String verdict) {}
  }

  /**
   * How the text box of a practice or reflection step saves a draft while the learner types ({@code
   * assets/drafts.js}).
   *
   * @param action where the script posts the text
   * @param key what the browser files the text under when the session has ended: module, step and a
   *     digest of the learner, so that nobody else launching on the same browser is shown it
   * @param status the draft's state as the page opens: when it was saved, or empty
   */
  record Autosave(String action, String key, String status) {}

  /**
   * A practice step: the learner's answer, the checklist and, once saved, the model answer and the
   * way to ask a classmate to rate the practice ({@code peerRequestHref}, null until saved).
   */
  record Practice(
      String promptHtml,
      String text,
      int maxLength,
      boolean invalid,
      List<ChecklistPoint> checklist,
      boolean submitted,
      boolean saved,
      String modelAnswerHtml,
      int tickedCount,
      int checklistCount,
      String practiceAction,
      Autosave autosave,
      String peerRequestHref) {
    /** A point of the checklist, ticked or not. */
    record ChecklistPoint(String index, String textHtml, boolean ticked) {}
  }

  /** A reflection step: the private journal entry and when it was saved. */
  record Reflection(
      String promptHtml,
      String text,
      boolean saved,
      String savedAt,
      int maxLength,
      boolean invalid,
      String reflectionAction,
      String exportHref,
      Autosave autosave) {}
}
