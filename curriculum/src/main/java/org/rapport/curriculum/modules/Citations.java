package org.rapport.curriculum.modules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds citations in module text: {@code [@id]} or, for several sources, {@code [@a; @b]}. Any
 * other text that starts with {@code [@} is a malformed citation, so that a typo is reported rather
 * than shown to students as brackets.
 */
public final class Citations {

  /** One well-formed citation: where it is in the text and the reference ids it names. */
  public record Citation(int start, int end, List<String> ids) {
    public Citation {
      ids = List.copyOf(ids);
    }
  }

  /** Why a citation was not accepted. */
  public static final String MALFORMED =
      "has a malformed citation starting '%s'; write [@id] or [@id-one; @id-two], with ids in"
          + " lowercase letters, digits and hyphens";

  private static final String ID = "[a-z0-9]+(?:-[a-z0-9]+)*";
  private static final Pattern CITATION =
      Pattern.compile("\\[@" + ID + "(?:\\s*;\\s*@" + ID + ")*\\]");
  private static final Pattern OPENING = Pattern.compile("\\[@");

  private Citations() {}

  /** The well-formed citations in {@code text}, in order. */
  public static List<Citation> in(String text) {
    List<Citation> found = new ArrayList<>();
    Matcher m = CITATION.matcher(text);
    while (m.find()) {
      String inner = text.substring(m.start() + 1, m.end() - 1);
      List<String> ids = Arrays.stream(inner.split(";")).map(s -> s.strip().substring(1)).toList();
      found.add(new Citation(m.start(), m.end(), ids));
    }
    return found;
  }

  /**
   * The beginnings (up to 20 characters) of every {@code [@} that is not a well-formed citation.
   */
  public static List<String> malformed(String text) {
    List<String> bad = new ArrayList<>();
    Matcher opening = OPENING.matcher(text);
    Matcher citation = CITATION.matcher(text);
    while (opening.find()) {
      int at = opening.start();
      citation.region(at, text.length());
      if (!citation.lookingAt()) {
        int close = text.indexOf(']', at);
        int end = close >= 0 && close - at < 60 ? close + 1 : Math.min(text.length(), at + 30);
        bad.add(text.substring(at, end).strip());
      }
    }
    return bad;
  }
}
