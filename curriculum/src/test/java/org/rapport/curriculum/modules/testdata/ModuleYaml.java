package org.rapport.curriculum.modules.testdata;

/**
 * A small module file that passes every rule, to be broken one edit at a time. Its scenario runs n1
 * → n2 → n3 → end, so every path passes exactly three decision points.
 */
public final class ModuleYaml {

  public static final String ID = "sample-module";
  public static final String FILE = ID + ".yaml";

  private final String text;

  private ModuleYaml(String text) {
    this.text = text;
  }

  public static ModuleYaml valid() {
    return withId(ID);
  }

  /**
   * The valid module with everything a shipped module must also have: stages, references (one,
   * cited in the first reading) and a facilitator guide.
   */
  public static ModuleYaml complete() {
    return new ModuleYaml(
        VALID.replace("> **Try this:** read it.", "> **Try this:** read it [@sample-2000].")
            + TEACHING_FIELDS);
  }

  public static ModuleYaml withId(String id) {
    return new ModuleYaml(VALID.replace("id: sample-module", "id: " + id));
  }

  /** Replaces a snippet that must occur exactly once, so that a test cannot silently miss. */
  public ModuleYaml replace(String snippet, String replacement) {
    int first = text.indexOf(snippet);
    if (first < 0 || text.indexOf(snippet, first + 1) >= 0) {
      throw new IllegalArgumentException("Snippet must occur exactly once: " + snippet);
    }
    return new ModuleYaml(text.replace(snippet, replacement));
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  private static final String VALID =
      """
      id: sample-module
      family: relationship-building
      title: A sample module
      summary: A module that exists only for tests.
      minutes: 12
      subscales: [cognitive, affective]
      objectives:
        - Notice what the patient says.
        - Answer what the patient means.
      steps:
        - id: read-first
          kind: reading
          title: Read this first
          body: |
            ### Something to read
            > **Try this:** read it.
        - id: the-scenario
          kind: scenario
          title: A short visit
          setting: |
            A clinic room.
          start: n1
          nodes:
            - id: n1
              speaker: "Ms. Example (patient, 50)"
              says: "Hello."
              choices:
                - text: "Hello, what brings you in?"
                  quality: best
                  feedback: "Open."
                  next: n2
                - text: "Sit down."
                  quality: poor
                  feedback: "Curt."
                  next: n2
            - id: n2
              speaker: "Ms. Example (patient, 50)"
              says: "My knee hurts."
              choices:
                - text: "Tell me more."
                  quality: best
                  feedback: "Inviting."
                  next: n3
                - text: "Which knee?"
                  quality: mixed
                  feedback: "Too early."
                  next: n3
            - id: n3
              speaker: "Ms. Example (patient, 50)"
              says: "Since Monday."
              choices:
                - text: "Thank you, let us look together."
                  quality: best
                  feedback: "Warm."
                  next: end
                - text: "Fine."
                  quality: poor
                  feedback: "Flat."
                  next: end
          debrief: |
            Well done.
        - id: quiz
          kind: check
          title: Check yourself
          questions:
            - prompt: First question?
              options:
                - text: Right
                  correct: true
                  explanation: Because it is.
                - text: Wrong
                  explanation: Because it is not.
                - text: Also wrong
                  correct: false
                  explanation: Also not.
            - prompt: Second question?
              options:
                - text: Wrong
                  explanation: No.
                - text: Right
                  correct: true
                  explanation: Yes.
                - text: Wrong again
                  explanation: No again.
        - id: write-it
          kind: practice
          title: Write it
          prompt: Write one question.
          model_answer: A question.
          checklist:
            - It is a question.
            - It is open.
        - id: reflect
          kind: reflection
          title: Reflect
          prompt: What did you notice?
      """;

  private static final String TEACHING_FIELDS =
      """
      stages: [pre-clinical, clerkship]
      references:
        - id: sample-2000
          text: "Author A. A sample source. J Samples. 2000;1(1):1-2."
          url: "https://doi.org/10.1000/sample"
      facilitatorGuide:
        aims:
          - Name what the patient said.
          - Practice one open question.
        plan: |
          Ten minutes on the scenario, ten on the check, ten on practice.
        questions:
          - What did you notice?
          - What would you say next time?
          - What made it hard?
      """;
}
