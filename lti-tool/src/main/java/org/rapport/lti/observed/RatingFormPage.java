package org.rapport.lti.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;
import org.rapport.lti.web.Nav;

/**
 * The rating form of one encounter, as a standardized patient sees it on a phone or a launched
 * rater in the LMS: who and what is rated, one group of choices per statement, the comment, and
 * what must be put right after a refused submission.
 *
 * @param nav the LMS navigation for launched raters; null on a one-time link
 */
public record RatingFormPage(
    Nav nav,
    String studentName,
    String context,
    String raterLabel,
    String formTitle,
    String formDescription,
    String action,
    long encounterId,
    List<ItemView> items,
    String scaleNote,
    String skipRule,
    String commentPrompt,
    String comment,
    int commentLimit,
    List<String> problems,
    boolean linkRater,
    String expiresNote) {

  /** One statement with its choices. */
  public record ItemView(int number, String text, List<OptionView> options, boolean missing) {}

  /** One choice: a point of the scale or "could not judge". */
  public record OptionView(String value, String label, boolean checked) {}

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The items of {@code form} with the choices of {@code given} checked. */
  static List<ItemView> items(Instrument form, RatingAnswers given) {
    boolean canSkip = form.missing().maxMissingTotal() > 0;
    List<ItemView> items = new ArrayList<>();
    for (Item item : form.items()) {
      Integer chosen = given == null ? null : given.answers().get(item.number());
      boolean skipped = given != null && given.notJudged().contains(item.number());
      List<OptionView> options = new ArrayList<>();
      for (int point = form.scale().min(); point <= form.scale().max(); point++) {
        options.add(
            new OptionView(
                String.valueOf(point),
                form.scale().label(point).orElse(String.valueOf(point)),
                chosen != null && chosen == point));
      }
      if (canSkip) {
        options.add(new OptionView(RatingAnswers.COULD_NOT_JUDGE, "Could not judge", skipped));
      }
      Set<Integer> marked = given == null ? Set.of() : given.marked();
      items.add(
          new ItemView(
              item.number(),
              item.text().orElse("Statement " + item.number()),
              options,
              marked.contains(item.number())));
    }
    return items;
  }

  /** The sentence saying how many statements may be left as "could not judge". */
  static String skipRule(Instrument form) {
    int most = form.missing().maxMissingTotal();
    if (most == 0) {
      return "Please answer every statement.";
    }
    return "If you could not see or judge something, choose \"Could not judge\" (at most "
        + most
        + (most == 1 ? " statement" : " statements")
        + ").";
  }
}
