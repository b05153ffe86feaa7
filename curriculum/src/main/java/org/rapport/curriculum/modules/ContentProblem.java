package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a content file, worded for the person who edits it.
 *
 * @param source the file: a classpath name such as {@code modules/teach-back.yaml} or a path
 * @param field where in the file, e.g. {@code steps[2].nodes[1].choices[0].next}; {@code line 4,
 *     column 7} for a YAML syntax error, {@link #WHOLE_FILE} when it concerns the file as a whole
 * @param message what is wrong, in plain words
 */
public record ContentProblem(String source, String field, String message) {

  /** The field of a problem that concerns the whole file (unreadable, empty, not a mapping). */
  public static final String WHOLE_FILE = "(file)";

  public ContentProblem {
    requireNonNull(source, "source");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return source + ": " + field + ": " + message;
  }
}
