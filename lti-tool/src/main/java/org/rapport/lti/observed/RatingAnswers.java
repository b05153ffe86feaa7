package org.rapport.lti.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;

/**
 * The answers of a submitted rating form: for each item {@code item_<n>} a point of the form's
 * scale, or {@value #COULD_NOT_JUDGE} when the rater could not judge it (the form's missing rule
 * then decides whether the rating can still be scored). An item with no answer at all, or with a
 * value off the scale, is a problem the rater is shown.
 *
 * @param answers item number to point, for the items judged
 * @param notJudged items the rater could not judge
 * @param unanswered items with no answer
 * @param invalid items whose value is not on the scale
 */
public record RatingAnswers(
    Map<Integer, Integer> answers,
    Set<Integer> notJudged,
    Set<Integer> unanswered,
    Set<Integer> invalid) {
  /** The value of the "could not judge" choice. */
  public static final String COULD_NOT_JUDGE = "n";

  public RatingAnswers {
    answers = Map.copyOf(answers);
    notJudged = Set.copyOf(notJudged);
    unanswered = Set.copyOf(unanswered);
    invalid = Set.copyOf(invalid);
  }

  /** Reads the fields of {@code form} for every item of {@code definition}. */
  public static RatingAnswers read(Instrument definition, Map<String, List<String>> form) {
    Map<Integer, Integer> answers = new TreeMap<>();
    Set<Integer> notJudged = new TreeSet<>();
    Set<Integer> unanswered = new TreeSet<>();
    Set<Integer> invalid = new TreeSet<>();
    for (Item item : definition.items()) {
      List<String> values = form.getOrDefault("item_" + item.number(), List.of());
      String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
      if (value.isEmpty()) {
        unanswered.add(item.number());
      } else if (value.equals(COULD_NOT_JUDGE)) {
        notJudged.add(item.number());
      } else if (value.matches("[0-9]{1,3}")
          && definition.scale().contains(Integer.parseInt(value))) {
        answers.put(item.number(), Integer.parseInt(value));
      } else {
        invalid.add(item.number());
      }
    }
    return new RatingAnswers(answers, notJudged, unanswered, invalid);
  }

  /** What the rater must put right before the rating can be saved, in item order. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!unanswered.isEmpty()) {
      problems.add(
          "Please choose an answer for every statement (or \"Could not judge\"). Not answered yet: "
              + numbers(unanswered)
              + ".");
    }
    if (!invalid.isEmpty()) {
      problems.add(
          "The answer sent for "
              + numbers(invalid)
              + " is not one of the choices. Choose one of the answers shown.");
    }
    return problems;
  }

  /** The items to mark on the form, in order. */
  public Set<Integer> marked() {
    Set<Integer> marked = new TreeSet<>(unanswered);
    marked.addAll(invalid);
    return marked;
  }

  private static String numbers(Set<Integer> items) {
    List<String> names = new ArrayList<>();
    for (int n : new TreeSet<>(items)) {
      names.add("statement " + n);
    }
    return String.join(", ", names);
  }
}
