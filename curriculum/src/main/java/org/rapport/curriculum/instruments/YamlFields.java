package org.rapport.curriculum.instruments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads typed fields out of a parsed YAML tree and collects every problem with its file and field,
 * so that an administrator sees all mistakes of a file at once rather than one per attempt.
 */
final class YamlFields {

  static final String DOCUMENT = "(document)";

  private final String file;
  private final List<InstrumentProblem> problems = new ArrayList<>();

  YamlFields(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** The document's top-level mapping, or null (with a problem recorded) when there is none. */
  /** Reads a file's text; an unreadable file is a problem naming it. */
  static String readText(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new InstrumentException(
          List.of(new InstrumentProblem(file.toString(), "(file)", "cannot be read: " + e)));
    }
  }

  /** The document's top-level mapping, holding only {@code known} keys; throws when unreadable. */
  Map<?, ?> root(String text, Set<String> known) {
    Map<?, ?> doc = loadMapping(text);
    if (doc == null) {
      throwIfAny();
    }
    onlyKnown(doc, "", known);
    return doc;
  }

  Map<?, ?> loadMapping(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    Object root;
    try {
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      problem(DOCUMENT, "is not valid YAML: " + String.valueOf(e.getMessage()).strip());
      return null;
    }
    if (root == null) {
      problem(DOCUMENT, "is empty");
      return null;
    }
    if (!(root instanceof Map<?, ?> map)) {
      problem(DOCUMENT, "must be a mapping of fields");
      return null;
    }
    return map;
  }

  void problem(String field, String message) {
    problems.add(new InstrumentProblem(file, field, message));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<InstrumentProblem> problems() {
    return List.copyOf(problems);
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InstrumentException(problems);
    }
  }

  static String at(String path, Object key) {
    return path.isEmpty() ? String.valueOf(key) : path + "." + key;
  }

  void onlyKnown(Map<?, ?> map, String path, Set<String> known) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String name) || !known.contains(name)) {
        problem(at(path, key), "is not a known field; expected one of: " + listed(known));
      }
    }
  }

  Map<?, ?> mapping(Map<?, ?> parent, String path, String key, boolean required) {
    Object value = present(parent, path, key, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    problem(at(path, key), "must be a mapping of fields");
    return null;
  }

  List<?> list(Map<?, ?> parent, String path, String key, boolean required) {
    Object value = present(parent, path, key, required);
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list;
    }
    problem(at(path, key), "must be a list");
    return null;
  }

  String text(Map<?, ?> parent, String path, String key, boolean required) {
    Object value = present(parent, path, key, required);
    return value == null ? null : text(value, at(path, key));
  }

  /** A non-blank string, or null with a problem recorded. */
  String text(Object value, String field) {
    if (!(value instanceof String text)) {
      problem(field, "must be text");
      return null;
    }
    if (text.isBlank()) {
      problem(field, "must not be blank");
      return null;
    }
    return text.strip();
  }

  Integer whole(Map<?, ?> parent, String path, String key, boolean required) {
    Object value = present(parent, path, key, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer number) {
      return number;
    }
    problem(at(path, key), "must be a whole number");
    return null;
  }

  Integer atLeast(Map<?, ?> parent, String path, String key, boolean required, int min) {
    Integer value = whole(parent, path, key, required);
    if (value != null && value < min) {
      problem(at(path, key), "must be " + min + " or greater");
      return null;
    }
    return value;
  }

  Boolean flag(Map<?, ?> parent, String path, String key, boolean required) {
    Object value = present(parent, path, key, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    problem(at(path, key), "must be true or false");
    return null;
  }

  <E extends Enum<E>> E choice(
      Map<?, ?> parent, String path, String key, Class<E> type, Function<E, String> yamlName) {
    Object value = present(parent, path, key, true);
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (yamlName.apply(constant).equals(value)) {
        return constant;
      }
    }
    Set<String> names = new TreeSet<>();
    for (E constant : type.getEnumConstants()) {
      names.add(yamlName.apply(constant));
    }
    problem(at(path, key), "must be one of: " + String.join(", ", names));
    return null;
  }

  private Object present(Map<?, ?> parent, String path, String key, boolean required) {
    Object value = parent.get(key);
    if (value == null && required) {
      problem(at(path, key), "is required");
    }
    return value;
  }

  private static String listed(Set<String> known) {
    return String.join(", ", new TreeSet<>(known));
  }
}
