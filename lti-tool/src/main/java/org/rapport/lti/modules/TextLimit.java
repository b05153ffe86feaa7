package org.rapport.lti.modules;

/** How much a student may write in one box (practice answer, reflection). */
final class TextLimit {
  static final int MAX_CHARACTERS = 20_000;

  private TextLimit() {}

  /** Browsers send line breaks as CR LF; store them as LF so the limit counts what people see. */
  static String normalise(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  static boolean tooLong(String normalised) {
    return normalised.length() > MAX_CHARACTERS;
  }
}
