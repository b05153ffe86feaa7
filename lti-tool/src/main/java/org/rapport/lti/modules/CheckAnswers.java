package org.rapport.lti.modules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.Question;

/**
 * The options a student picked in a knowledge check, one per question ({@code null} where a
 * question has no answer yet), read from form fields {@code q1}, {@code q2}, ... and stored as
 * {@code "0,2,1"}.
 */
public record CheckAnswers(List<Integer> chosen) {

  public CheckAnswers {
    chosen = java.util.Collections.unmodifiableList(new ArrayList<>(chosen));
  }

  /** The form field of question {@code number} (from 1). */
  public static String field(int number) {
    return "q" + number;
  }

  /**
   * Reads the form. Unanswered questions are kept as gaps ({@link #missing()}); an answer that is
   * not an option of its question is refused.
   *
   * @throws PlayerException {@link PlayerProblem#UNKNOWN_OPTION}
   */
  public static CheckAnswers read(CheckStep step, Function<String, String> form) {
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < step.questions().size(); i++) {
      String value = form.apply(field(i + 1));
      if (value == null || value.isBlank()) {
        chosen.add(null);
        continue;
      }
      int index;
      try {
        index = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new PlayerException(PlayerProblem.UNKNOWN_OPTION);
      }
      if (index < 0 || index >= step.questions().get(i).options().size()) {
        throw new PlayerException(PlayerProblem.UNKNOWN_OPTION);
      }
      chosen.add(index);
    }
    return new CheckAnswers(chosen);
  }

  /** Reads stored answers; empty when they no longer fit the check (its file was edited). */
  public static Optional<CheckAnswers> parse(String stored, CheckStep step) {
    if (stored == null || stored.isBlank()) {
      return Optional.empty();
    }
    String[] parts = stored.split(",", -1);
    if (parts.length != step.questions().size()) {
      return Optional.empty();
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      try {
        int index = Integer.parseInt(parts[i]);
        if (index < 0 || index >= step.questions().get(i).options().size()) {
          return Optional.empty();
        }
        chosen.add(index);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new CheckAnswers(chosen));
  }

  /** The numbers (from 1) of the questions without an answer. */
  public List<Integer> missing() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      if (chosen.get(i) == null) {
        numbers.add(i + 1);
      }
    }
    return numbers;
  }

  public boolean complete() {
    return missing().isEmpty();
  }

  /** How many answers are correct. */
  public int score(CheckStep step) {
    int score = 0;
    for (int i = 0; i < chosen.size(); i++) {
      Integer index = chosen.get(i);
      Question question = step.questions().get(i);
      if (index != null && question.options().get(index).correct()) {
        score++;
      }
    }
    return score;
  }

  public String format() {
    return chosen.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** "Question 2 still needs an answer." or "Questions 1 and 3 still need an answer." */
  public String missingSentence() {
    List<Integer> numbers = missing();
    if (numbers.size() == 1) {
      return "Question " + numbers.get(0) + " still needs an answer.";
    }
    String[] words = numbers.stream().map(String::valueOf).toArray(String[]::new);
    String list =
        String.join(", ", Arrays.copyOf(words, words.length - 1))
            + " and "
            + words[words.length - 1];
    return "Questions " + list + " still need an answer.";
  }
}
