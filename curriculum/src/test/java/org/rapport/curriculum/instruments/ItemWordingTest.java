package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.curriculum.testdata.TestInstruments;

/**
 * Content checks on the wording of the instrument students answer from their first week: the latest
 * version of {@code rapport-empathy}, the one new waves are scheduled with. The definition format
 * has no "fit for matriculation" field; this is the only shipped instrument with texts that is
 * scheduled at matriculation, so the checks apply to it directly.
 *
 * <p>Both checks are heuristics, deliberately simple and strict; a statement that trips one is
 * reworded rather than the heuristic widened:
 *
 * <ul>
 *   <li><b>Double-barrelled</b>: a statement asking two things at once cannot be answered honestly
 *       by someone who does one but not the other. The smell is "and"/"or" followed by a second
 *       clause (a subject pronoun) or by a common action verb, as in "I listen and reassure".
 *       "And"/"or" joining nouns ("work, family or plans") is not flagged.
 *   <li><b>Presumed clinical experience</b>: a first-year cannot honestly rate how they behave with
 *       "my patients" or "on placement". A statement may mention patients only hypothetically
 *       (would, expect, imagine, future, one day).
 * </ul>
 */
class ItemWordingTest {

  private static final Pattern JOINED = Pattern.compile("\\b(and|or)\\s+(\\w+ly\\s+)?(\\w+)");
  private static final Set<String> SECOND_CLAUSE =
      Set.of(
          "i",
          "we",
          "they",
          "he",
          "she",
          "it",
          "ask",
          "check",
          "comfort",
          "do",
          "explain",
          "feel",
          "find",
          "follow",
          "get",
          "give",
          "help",
          "keep",
          "listen",
          "make",
          "notice",
          "offer",
          "put",
          "reassure",
          "say",
          "speak",
          "stay",
          "take",
          "talk",
          "tell",
          "think",
          "try",
          "understand",
          "worry");
  private static final List<String> CLINICAL =
      List.of(
          "my patient",
          "a patient",
          "the patient",
          "patients",
          "when i examine",
          "on placement",
          "on the ward",
          "in clinic",
          "on rounds",
          "clerkship",
          "bedside");
  private static final List<String> HYPOTHETICAL =
      List.of("would", "expect", "imagine", "future", "one day");

  /** The reasons a statement is flagged; empty when it passes both checks. */
  static List<String> smells(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> smells = new ArrayList<>();
    Matcher m = JOINED.matcher(lower);
    while (m.find()) {
      if (SECOND_CLAUSE.contains(m.group(3))) {
        smells.add("double-barrelled: '" + m.group().strip() + "'");
      }
    }
    boolean hypothetical = HYPOTHETICAL.stream().anyMatch(lower::contains);
    for (String phrase : CLINICAL) {
      if (lower.contains(phrase) && !hypothetical) {
        smells.add("presumes clinical experience: '" + phrase + "'");
      }
    }
    return smells;
  }

  @Test
  void theInstrumentScheduledAtMatriculationHasNoSmells() {
    Instrument current = InstrumentCatalog.shipped().latest(TestInstruments.RAPPORT).orElseThrow();
    List<String> problems = new ArrayList<>();
    for (Item item : current.items()) {
      String text = item.text().orElseThrow();
      smells(text).forEach(smell -> problems.add("item " + item.number() + " " + smell));
    }

    assertEquals(List.of(), problems, current.ref() + ": " + problems);
  }

  /**
   * Shows the check has teeth: every statement of version 1 is about patients or placements, which
   * is exactly what it was written to catch.
   */
  @Test
  void versionOneWouldFailTheCheck() {
    long flagged =
        TestInstruments.rapportEmpathy().items().stream()
            .filter(item -> !smells(item.text().orElseThrow()).isEmpty())
            .count();

    assertEquals(18, flagged);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I listen and reassure people who are upset.",
        "I notice when someone is sad and I try to help.",
        "I ask questions or explain things slowly.",
        "I feel for my patients, but it seldom changes what I do.",
        "The suffering I hear about on placement feels distant.",
        "When I examine someone, I tell them what I am doing."
      })
  void flagsDoubleBarrelledOrClinicalWording(String text) {
    assertFalse(smells(text).isEmpty(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I think about how an illness affects someone's work, family or plans.",
        "News about people who are suffering and afraid leaves me cold.",
        "As a future doctor, I expect to ask patients what worries them most.",
        "When a friend is upset, I try to picture the situation from where they stand."
      })
  void leavesSingleQuestionEverydayWordingAlone(String text) {
    assertTrue(smells(text).isEmpty(), text + " " + smells(text));
  }
}
