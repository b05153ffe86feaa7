package org.rapport.lti.web;

/** Counted nouns as people write them: "1 statement", "2 statements", "0 statements". */
public final class Plural {
  private Plural() {}

  /** {@code count} followed by the singular for exactly one, the plural otherwise. */
  public static String of(long count, String singular, String plural) {
    return count + " " + noun(count, singular, plural);
  }

  /** {@code count} followed by the singular plus "s" unless it is exactly one. */
  public static String of(long count, String singular) {
    return of(count, singular, singular + "s");
  }

  /** Only the noun, singular for exactly one: for "9 of 18 statements" where 18 decides. */
  public static String noun(long count, String singular, String plural) {
    return count == 1 ? singular : plural;
  }
}
