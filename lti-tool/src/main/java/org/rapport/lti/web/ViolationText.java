package org.rapport.lti.web;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Violations whose sentence quotes what the person sent. Bean Validation reads a message as a
 * template, so the quoted text is escaped to be shown as written and never interpreted.
 */
public final class ViolationText {
  private ViolationText() {}

  /** Replaces the constraint's own message with {@code sentence}, shown exactly as given. */
  public static boolean refuse(ConstraintValidatorContext context, String sentence) {
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(literal(sentence)).addConstraintViolation();
    return false;
  }

  /** Adds {@code sentence} as a violation of the record's component {@code field}. */
  public static void refuse(ConstraintValidatorContext context, String field, String sentence) {
    context
        .buildConstraintViolationWithTemplate(literal(sentence))
        .addPropertyNode(field)
        .addConstraintViolation();
  }

  /** The text as a message template that interpolates to itself. */
  static String literal(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '{' || c == '}' || c == '$') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
