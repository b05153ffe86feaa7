package org.rapport.curriculum.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of one YAML mapping of a {@link YamlDocument}, with the path that names them in
 * problems ({@code steps[2].nodes[1].choices[0].next}, {@code scale.labels}; list indexes count
 * from 0). Each reader records what is wrong with the field and answers null (or a default) instead
 * of throwing, so that a file's problems are all found in one reading. The one field reader of both
 * catalogues: modules and instruments follow its rules and wording.
 *
 * <ul>
 *   <li>A required field that is absent "is missing"; one that is present without a value, or whose
 *       text is blank, "is empty".
 *   <li>A value of the wrong kind "must be text" (a whole number, true or false, a list of …, a set
 *       of fields) and says what it is instead.
 *   <li>A field the mapping does not have "is not a field of …" and lists the fields it has.
 *   <li>Texts are read without surrounding white space.
 * </ul>
 */
public class YamlFields {
  private final YamlDocument document;
  private final Map<?, ?> map;
  private final String path;

  YamlFields(YamlDocument document, Map<?, ?> map, String path) {
    this.document = document;
    this.map = map;
    this.path = path;
  }

  /** The same fields, for a reader that adds checks of its own. */
  protected YamlFields(YamlFields fields) {
    this(fields.document, fields.map, fields.path);
  }

  public YamlDocument document() {
    return document;
  }

  /** The path of this mapping; empty for the document's top level. */
  public String path() {
    return path;
  }

  /** The path of field {@code key} of this mapping. */
  public String at(Object key) {
    return path.isEmpty() ? String.valueOf(key) : path + "." + key;
  }

  /** Records a problem at {@code field} (a full path, e.g. from {@link #at}). */
  public void problem(String field, String message) {
    document.problem(field, message);
  }

  public boolean has(String key) {
    return map.containsKey(key);
  }

  /** The raw value of {@code key}, null when absent or empty. */
  public Object value(String key) {
    return map.get(key);
  }

  /** The raw entries, for a mapping whose keys are data (item numbers, scale points). */
  public Set<? extends Map.Entry<?, ?>> entries() {
    return map.entrySet();
  }

  /** Records a problem for every key that is not one of {@code known}. */
  public void allowOnly(Set<String> known, String what) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        problem(
            at(key),
            "is not a field of "
                + what
                + "; the fields are "
                + known.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  /** A required, non-blank text. */
  public String text(String key) {
    return text(at(key), map.get(key), map.containsKey(key));
  }

  /** A text that may be left out (null then); when given it must not be blank. */
  public String optionalText(String key) {
    return map.get(key) == null ? null : text(key);
  }

  /** A non-blank text found at {@code field} (a list entry, a value under a data key). */
  public String text(String field, Object value) {
    return text(field, value, true);
  }

  private String text(String field, Object value, boolean present) {
    if (value == null) {
      problem(field, present ? "is empty" : "is missing");
      return null;
    }
    if (!(value instanceof String text)) {
      problem(field, "must be text, not " + describe(value) + "; put it in quotes");
      return null;
    }
    if (text.isBlank()) {
      problem(field, "is empty");
      return null;
    }
    return text.strip();
  }

  /** A required whole number. */
  public Integer wholeNumber(String key) {
    return present(key) ? wholeNumber(at(key), map.get(key)) : null;
  }

  private Integer wholeNumber(String field, Object value) {
    if (!(value instanceof Integer number)) {
      problem(field, "must be a whole number, not " + describe(value));
      return null;
    }
    return number;
  }

  /** A whole number of at least {@code min}; required or, when not, null if left out. */
  public Integer atLeast(String key, int min, boolean required) {
    if (!required && map.get(key) == null) {
      return null;
    }
    Integer value = wholeNumber(key);
    if (value != null && value < min) {
      problem(at(key), "must be " + min + " or greater, not " + value);
      return null;
    }
    return value;
  }

  /** An optional true/false, false when absent. */
  public boolean flag(String key) {
    Object value = map.get(key);
    return value != null && Boolean.TRUE.equals(flagValue(at(key), value));
  }

  /** A required true/false. */
  public Boolean requiredFlag(String key) {
    return present(key) ? flagValue(at(key), map.get(key)) : null;
  }

  private Boolean flagValue(String field, Object value) {
    if (!(value instanceof Boolean flag)) {
      problem(field, "must be true or false, not " + describe(value));
      return null;
    }
    return flag;
  }

  /** A required choice of an enum's YAML names. */
  public <E extends Enum<E>> E choice(String key, Class<E> type, Function<E, String> name) {
    E[] all = type.getEnumConstants();
    return choice(
        key,
        text -> Arrays.stream(all).filter(e -> name.apply(e).equals(text)).findFirst(),
        all,
        name);
  }

  /** A required choice: {@code lookup} finds the value named, {@code all} are listed if not. */
  public <E> E choice(
      String key, Function<String, Optional<E>> lookup, E[] all, Function<E, String> name) {
    return present(key) ? choiceValue(at(key), map.get(key), lookup, all, name) : null;
  }

  /** A choice found at {@code field} (a list entry). */
  public <E> E choiceValue(
      String field,
      Object value,
      Function<String, Optional<E>> lookup,
      E[] all,
      Function<E, String> name) {
    Optional<E> found = value instanceof String text ? lookup.apply(text) : Optional.empty();
    if (found.isEmpty()) {
      String allowed = Arrays.stream(all).map(name).collect(Collectors.joining(", "));
      String actual = value instanceof String text ? "'" + text + "'" : describe(value);
      problem(field, "must be one of " + allowed + ", not " + actual);
      return null;
    }
    return found.get();
  }

  /** A required list with between {@code min} and {@code max} entries. */
  public List<?> list(String key, int min, int max, String noun) {
    if (!present(key)) {
      return null;
    }
    Object value = map.get(key);
    if (!(value instanceof List<?> list)) {
      problem(at(key), "must be a list of " + noun + ", not " + describe(value));
      return null;
    }
    if (list.size() < min || list.size() > max) {
      String range =
          max == Integer.MAX_VALUE
              ? "at least " + min
              : min == max ? String.valueOf(min) : min + " to " + max;
      problem(at(key), "must list " + range + " " + noun + ", not " + list.size());
    }
    return list;
  }

  /** A required list of non-blank texts. */
  public List<String> texts(String key, int min, int max, String noun) {
    List<?> raw = list(key, min, max, noun);
    if (raw == null) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String text = text(at(key) + "[" + i + "]", raw.get(i));
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** A set of fields under {@code key}; required or, when not, null if left out. */
  public YamlFields mapping(String key, String what, boolean required) {
    if (!required && map.get(key) == null) {
      return null;
    }
    return present(key) ? item(map.get(key), at(key), what) : null;
  }

  /** One entry of a list (or a value) that must itself be a set of fields. */
  public YamlFields item(Object value, String itemPath, String what) {
    if (!(value instanceof Map<?, ?> itemMap)) {
      problem(itemPath, "must be " + what + ", not " + describe(value));
      return null;
    }
    return new YamlFields(document, itemMap, itemPath);
  }

  /** Whether a required field has a value; records "is missing" or "is empty" when not. */
  private boolean present(String key) {
    if (map.get(key) != null) {
      return true;
    }
    problem(at(key), map.containsKey(key) ? "is empty" : "is missing");
    return false;
  }

  /** A value as problems name it: "the text 'x'", "the number 3", "a list", ... */
  public static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String text) {
      return "the text '" + text + "'";
    }
    if (value instanceof Boolean) {
      return "true/false (" + value + ")";
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof Date) {
      return "a date";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "a set of fields";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
