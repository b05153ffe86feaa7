package org.rapport.lti.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rapport.lti.web.Plural;
import org.rapport.lti.web.When;

/**
 * What a student's home suggests doing next: the self-assessment while one is open for them, the
 * module they were working in, otherwise the next module to start. Pure: the use case {@link
 * StudentHome} gathers the facts.
 */
public final class WhatNext {
  private WhatNext() {}

  /** Where the student stands with the self-assessment. */
  public sealed interface Assessment
      permits NeedsConsent, NeedsClass, Open, Submitted, Unavailable, Upcoming, NothingOpen {}

  /** The privacy notice has not been agreed to (or not read yet). */
  public record NeedsConsent() implements Assessment {}

  /** Agreed, but the student has not said which year they started. */
  public record NeedsClass() implements Assessment {}

  /**
   * A wave is open and not submitted.
   *
   * @param closes the last moment answers are taken; {@code null} when the wave has no end date
   * @param answered statements answered so far (the saved draft)
   */
  public record Open(String stage, Instant closes, int answered, int statements)
      implements Assessment {}

  /** The open wave is already answered. */
  public record Submitted(String stage) implements Assessment {}

  /** A wave is open but its statements cannot be shown yet. */
  public record Unavailable(String stage) implements Assessment {}

  /** Nothing open; the next wave opens at {@code opens}. */
  public record Upcoming(String stage, Instant opens) implements Assessment {}

  /** Nothing open and nothing planned. */
  public record NothingOpen() implements Assessment {}

  /**
   * The student's modules.
   *
   * @param continuing the unfinished module worked in last; {@code null} when none
   * @param next the first module not started, those written for the student's stage first; {@code
   *     null} when every module is started
   */
  public record Modules(Continuing continuing, Start next, int completed, int total) {}

  /** An unfinished module and the step the student is at. */
  public record Continuing(String title, String href, int step, int steps, String stepTitle) {}

  /** A module not started yet. */
  public record Start(String title, String href, int minutes) {}

  /**
   * One suggestion on the home page.
   *
   * @param text what it is, e.g. "Continue: Teach-back (step 3 of 6)"
   * @param detail one more sentence; may be empty
   * @param until a deadline shown after {@code text}; {@code null} when none
   * @param after words after the deadline (e.g. " — 9 of 18 statements answered"); may be empty
   * @param href where the action goes
   * @param action the link's words
   * @param kind {@code assessment} or {@code module}, for tests and styling
   */
  public record Suggestion(
      String kind,
      String text,
      When until,
      String after,
      String detail,
      String href,
      String action) {}

  /** The suggestions, most pressing first. */
  public static List<Suggestion> plan(Assessment assessment, Modules modules, String token) {
    return plan(assessment, modules, 0, token);
  }

  /**
   * The suggestions, most pressing first, with a line for the ratings a classmate or a coordinator
   * asked of the student when there are any ({@code ratingsToGive}).
   */
  public static List<Suggestion> plan(
      Assessment assessment, Modules modules, int ratingsToGive, String token) {
    List<Suggestion> out = new ArrayList<>();
    String assessmentHref = "/app/assessment?s=" + token;
    Suggestion assessmentLine = assessment(assessment, assessmentHref);
    boolean assessmentFirst = assessment instanceof Open || assessment instanceof NeedsClass;
    if (assessmentFirst) {
      out.add(assessmentLine);
    }
    if (ratingsToGive > 0) {
      out.add(ratings(ratingsToGive, token));
    }
    out.add(modules(modules, token));
    if (!assessmentFirst) {
      out.add(assessmentLine);
    }
    return out;
  }

  static Suggestion ratings(int count, String token) {
    return new Suggestion(
        "ratings",
        "You were asked to rate "
            + (count == 1 ? "a conversation" : count + " conversations")
            + " of a classmate.",
        null,
        "",
        "Your rating helps them learn; they see what you rated and your comment, not your name.",
        "/app/ratings?s=" + token,
        count == 1 ? "Give the rating" : "Give the ratings");
  }

  static Suggestion assessment(Assessment assessment, String href) {
    if (assessment instanceof Open open) {
      return new Suggestion(
          "assessment",
          "Self-assessment (" + open.stage() + ") open" + (open.closes() == null ? "" : " until"),
          open.closes() == null ? null : When.of(open.closes()),
          " — "
              + open.answered()
              + " of "
              + Plural.of(open.statements(), "statement")
              + " answered",
          open.answered() == 0
              ? "It takes about ten minutes; your answers are saved as you go."
              : "Your answers so far are saved; you can carry on where you stopped.",
          href,
          open.answered() == 0 ? "Start the self-assessment" : "Continue the self-assessment");
    }
    if (assessment instanceof NeedsConsent) {
      return new Suggestion(
          "assessment",
          "Empathy self-assessment: once a year, only you see your answers.",
          null,
          "",
          "Read how your answers are kept, then decide whether to take part.",
          href,
          "Read the privacy notice");
    }
    if (assessment instanceof NeedsClass) {
      return new Suggestion(
          "assessment",
          "Self-assessment: tell Rapport which year you started medical school.",
          null,
          "",
          "Then you see the self-assessment planned for your class.",
          href,
          "Give your year");
    }
    if (assessment instanceof Submitted submitted) {
      return new Suggestion(
          "assessment",
          "Self-assessment (" + submitted.stage() + "): your answers are submitted.",
          null,
          "",
          "Your results and your trajectory are on the self-assessment page.",
          href,
          "See your results");
    }
    if (assessment instanceof Unavailable unavailable) {
      return new Suggestion(
          "assessment",
          "Self-assessment (" + unavailable.stage() + "): not ready to answer yet.",
          null,
          "",
          "Its statements have not been set up; please look again later.",
          href,
          "Open the self-assessment");
    }
    if (assessment instanceof Upcoming upcoming) {
      return new Suggestion(
          "assessment",
          "Next self-assessment (" + upcoming.stage() + ") opens",
          When.of(upcoming.opens()),
          "",
          "Nothing to answer until then.",
          href,
          "See your results");
    }
    return new Suggestion(
        "assessment",
        "No self-assessment is open for your class at the moment.",
        null,
        "",
        "",
        href,
        "See your results");
  }

  static Suggestion modules(Modules modules, String token) {
    String catalogue = "/app/modules?s=" + token;
    if (modules.continuing() != null) {
      Continuing c = modules.continuing();
      return new Suggestion(
          "module",
          "Continue: " + c.title() + " (step " + c.step() + " of " + c.steps() + ")",
          null,
          "",
          "You stopped at “" + c.stepTitle() + "”.",
          c.href(),
          "Continue " + c.title());
    }
    if (modules.next() != null) {
      Start next = modules.next();
      return new Suggestion(
          "module",
          "Next module: " + next.title() + " (about " + Plural.of(next.minutes(), "minute") + ")",
          null,
          "",
          modules.completed() == 0
              ? "Short, practical modules on communication, relationship building and resilience."
              : "You have completed "
                  + modules.completed()
                  + " of "
                  + Plural.of(modules.total(), "module")
                  + ".",
          next.href(),
          "Start " + next.title());
    }
    return new Suggestion(
        "module",
        modules.completed() == modules.total()
            ? "You have completed all " + Plural.of(modules.total(), "module") + "."
            : "Every module is started; finish them from the list of modules.",
        null,
        "",
        "You can go back to any of them at any time.",
        catalogue,
        "See all modules");
  }
}
