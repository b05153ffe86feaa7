package org.rapport.curriculum.instruments;

import java.util.Objects;

/**
 * One thing wrong with an instrument definition or a licensed texts file.
 *
 * @param file the file as the reader knows it (classpath resource or file-system path)
 * @param field where in the file, e.g. {@code items[3].subscale} (list indexes count from 0)
 * @param message what is wrong, in a sentence an administrator can act on
 */
public record InstrumentProblem(String file, String field, String message) {

  public InstrumentProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file + ": " + field + ": " + message;
  }
}
