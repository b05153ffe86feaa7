package org.rapport.curriculum.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalogue as a whole tests judgment, not text length or position, and backs its facts
 * with sources. The player shuffles options per learner as well (see the player's ChoiceOrder);
 * these rules keep the files themselves from giving the answer away.
 */
class ChoiceBalanceTest {

  /** The most decision points at which the best or correct option may be the longest. */
  static final double MAX_SHARE_LONGEST = 0.40;

  /** The most decision points at which the best or correct option may be listed first. */
  static final double MAX_SHARE_FIRST = 0.40;

  /** How much longer than the mean of the other options the best one may ever be. */
  static final double MAX_LENGTH_RATIO = 1.5;

  /**
   * A step that states a figure or reports research: a number with %, "per cent", "percent",
   * "seconds" or "times", or words such as study, trial, survey, meta-analysis, "found that".
   */
  static final Pattern FIGURE =
      Pattern.compile(
          "\\d+(\\.\\d+)?\\s*(%|per ?cent\\b|seconds\\b|times\\b)"
              + "|\\b(study|studies|trial|trials|survey|surveys|meta-analysis|found that)\\b",
          Pattern.CASE_INSENSITIVE);

  private final ModuleCatalog catalog = ModuleCatalog.load(null);

  /** One decision: the lengths of its options and which one is best or correct. */
  private record Decision(String where, List<Integer> lengths, int best) {
    double ratioToOthers() {
      double others = 0;
      for (int i = 0; i < lengths.size(); i++) {
        others += i == best ? 0 : lengths.get(i);
      }
      return lengths.get(best) / (others / (lengths.size() - 1));
    }

    boolean bestIsLongest() {
      int length = lengths.get(best);
      for (int i = 0; i < lengths.size(); i++) {
        if (i != best && lengths.get(i) >= length) {
          return false;
        }
      }
      return true;
    }
  }

  private List<Decision> decisions() {
    List<Decision> decisions = new ArrayList<>();
    for (Module module : catalog.all()) {
      for (Step step : module.steps()) {
        if (step instanceof ScenarioStep scenario) {
          for (ScenarioNode node : scenario.nodes()) {
            List<Choice> choices = node.choices();
            int best = -1;
            for (int i = 0; i < choices.size(); i++) {
              if (choices.get(i).quality() == ChoiceQuality.BEST && best < 0) {
                best = i;
              }
            }
            if (best >= 0) {
              decisions.add(
                  new Decision(
                      module.id() + "/" + step.id() + "/" + node.id(),
                      choices.stream().map(c -> c.text().length()).toList(),
                      best));
            }
          }
        } else if (step instanceof CheckStep check) {
          for (int q = 0; q < check.questions().size(); q++) {
            List<Option> options = check.questions().get(q).options();
            int correct = options.indexOf(check.questions().get(q).correctOption());
            decisions.add(
                new Decision(
                    module.id() + "/" + step.id() + "/" + (q + 1),
                    options.stream().map(o -> o.text().length()).toList(),
                    correct));
          }
        }
      }
    }
    return decisions;
  }

  @Test
  void theBestOptionIsRarelyTheLongest() {
    List<Decision> all = decisions();
    List<String> longest =
        all.stream().filter(Decision::bestIsLongest).map(Decision::where).toList();
    double share = (double) longest.size() / all.size();
    assertTrue(
        share <= MAX_SHARE_LONGEST,
        String.format(
            "the best option is the longest at %d of %d decision points (%.0f%%): %s",
            longest.size(), all.size(), share * 100, longest));
  }

  @Test
  void theBestOptionIsNeverFarLongerThanTheOthers() {
    List<String> far =
        decisions().stream()
            .filter(d -> d.ratioToOthers() > MAX_LENGTH_RATIO)
            .map(d -> String.format("%s (%.2f)", d.where(), d.ratioToOthers()))
            .toList();
    assertTrue(
        far.isEmpty(),
        "the best option is more than "
            + MAX_LENGTH_RATIO
            + " times the others' mean length at: "
            + far);
  }

  @Test
  void theBestOptionIsRarelyListedFirst() {
    List<Decision> all = decisions();
    List<String> first = all.stream().filter(d -> d.best() == 0).map(Decision::where).toList();
    double share = (double) first.size() / all.size();
    assertTrue(
        share <= MAX_SHARE_FIRST,
        String.format(
            "the best option comes first at %d of %d decision points (%.0f%%): %s",
            first.size(), all.size(), share * 100, first));
  }

  @Test
  void everyShippedModuleHasStagesAGuideAndReferences() {
    for (Module module : catalog.all()) {
      assertFalse(module.stages().isEmpty(), module.id() + " has no stages");
      assertTrue(module.facilitatorGuide().isPresent(), module.id() + " has no facilitator guide");
      assertFalse(module.references().isEmpty(), module.id() + " has no references");
    }
  }

  @Test
  void everyStepThatStatesAFigureOrReportsResearchCitesASource() {
    List<String> uncited = new ArrayList<>();
    for (Module module : catalog.all()) {
      for (Step step : module.steps()) {
        String text = String.join("\n", texts(step).toList());
        var figure = FIGURE.matcher(text);
        if (figure.find() && Citations.in(text).isEmpty()) {
          uncited.add(module.id() + "/" + step.id() + " ('" + figure.group() + "')");
        }
      }
    }
    assertTrue(uncited.isEmpty(), "steps with a figure or a study but no citation: " + uncited);
  }

  @Test
  void theFigureRuleRecognizesWhatItShould() {
    for (String text :
        List.of(
            "about 11 seconds",
            "65 %",
            "in 40 per cent of visits",
            "2 times",
            "One trial showed",
            "a meta-analysis",
            "researchers found that")) {
      assertTrue(FIGURE.matcher(text).find(), text);
    }
    assertFalse(FIGURE.matcher("Ask again a few seconds later, take your time").find());
  }

  private static Stream<String> texts(Step step) {
    if (step instanceof ReadingStep reading) {
      return Stream.of(reading.body());
    }
    if (step instanceof ScenarioStep scenario) {
      return Stream.concat(
          Stream.of(scenario.setting(), scenario.debrief()),
          scenario.nodes().stream()
              .flatMap(
                  n ->
                      Stream.concat(
                          Stream.of(n.says()),
                          n.choices().stream().flatMap(c -> Stream.of(c.text(), c.feedback())))));
    }
    if (step instanceof CheckStep check) {
      return check.questions().stream()
          .flatMap(
              q ->
                  Stream.concat(
                      Stream.of(q.prompt()),
                      q.options().stream().flatMap(o -> Stream.of(o.text(), o.explanation()))));
    }
    if (step instanceof PracticeStep practice) {
      return Stream.concat(
          Stream.of(practice.prompt(), practice.modelAnswer()), practice.checklist().stream());
    }
    if (step instanceof ReflectionStep reflection) {
      return Stream.of(reflection.prompt());
    }
    return Stream.empty();
  }
}
