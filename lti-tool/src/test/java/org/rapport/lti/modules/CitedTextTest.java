package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleReader;

class CitedTextTest {

  private static final String YAML =
      """
      id: cited
      family: communication
      title: Cited
      summary: A module with sources.
      minutes: 10
      subscales: [cognitive]
      objectives: [One., Two.]
      references:
        - id: first-2000
          text: "First A. <Title> & more. 2000."
          url: "https://example.org/a?b=1&c=2"
        - id: second-2001
          text: "Second B. Title. 2001."
      steps:
        - id: read
          kind: reading
          title: Read
          body: "Most visits run late [@second-2001]. Also <b>this</b> [@first-2000; @second-2001]."
        - id: talk
          kind: scenario
          title: Talk
          setting: A room.
          start: a
          nodes:
            - id: a
              speaker: P
              says: "Hi <there> [@first-2000]"
              choices:
                - {text: "One", quality: best, feedback: "Good.", next: b}
                - {text: "Two", quality: poor, feedback: "No.", next: b}
            - id: b
              speaker: P
              says: "Then"
              choices:
                - {text: "One", quality: best, feedback: "Good.", next: c}
                - {text: "Two", quality: poor, feedback: "No.", next: c}
            - id: c
              speaker: P
              says: "Last"
              choices:
                - {text: "One", quality: best, feedback: "Good.", next: end}
                - {text: "Two", quality: mixed, feedback: "No.", next: end}
          debrief: Done.
        - id: quiz
          kind: check
          title: Quiz
          questions:
            - prompt: Q1
              options:
                - {text: A, correct: true, explanation: Yes.}
                - {text: B, explanation: No.}
                - {text: C, explanation: No.}
            - prompt: Q2
              options:
                - {text: A, correct: true, explanation: Yes.}
                - {text: B, explanation: No.}
                - {text: C, explanation: No.}
        - id: reflect
          kind: reflection
          title: Reflect
          prompt: Think.
      """;

  private final Module module = new ModuleReader().read("cited.yaml", YAML);

  @Test
  void turnsCitationsIntoNumberedLinksAndEscapesTheRest() {
    CitedText cited = new CitedText(module);

    String html = cited.markdown("Also <b>this</b> [@first-2000; @second-2001].");

    assertEquals(
        "<p>Also &lt;b&gt;this&lt;/b&gt; <span class=\"citations\">[<a class=\"citation\""
            + " href=\"#ref-first-2000\"><span class=\"visually-hidden\">reference </span>1</a>,"
            + " <a class=\"citation\" href=\"#ref-second-2001\"><span"
            + " class=\"visually-hidden\">reference </span>2</a>]</span>.</p>\n",
        html);
    assertEquals(
        "Hi &lt;there&gt; <span class=\"citations\">[<a class=\"citation\""
            + " href=\"#ref-first-2000\"><span class=\"visually-hidden\">reference"
            + " </span>1</a>]</span>",
        cited.plain("Hi <there> [@first-2000]"));
  }

  @Test
  void listsOnlyTheReferencesThePageCitesWithTheirModuleNumbers() {
    CitedText cited = new CitedText(module);
    cited.plain("As shown [@second-2001].");

    List<ReferenceView> listed = cited.citedReferences();

    assertEquals(1, listed.size());
    assertEquals(2, listed.get(0).number());
    assertEquals("ref-second-2001", listed.get(0).anchor());
    assertFalse(listed.get(0).hasUrl());
  }

  @Test
  void listsEveryReferenceAtTheEndOfTheModule() {
    List<ReferenceView> all = CitedText.allReferences(module);

    assertEquals(2, all.size());
    assertEquals(1, all.get(0).number());
    assertEquals("First A. <Title> & more. 2000.", all.get(0).text());
    assertEquals("https://example.org/a?b=1&c=2", all.get(0).url());
    assertTrue(all.get(0).hasUrl());
  }

  @Test
  void leavesTextWithoutCitationsAlone() {
    assertEquals("a [b] [@ c", new CitedText(module).plain("a [b] [@ c"));
  }
}
