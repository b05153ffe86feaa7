package org.rapport.lti.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every problem of one request body, answered at once: the violations of the constraints declared
 * on its record and the problems its use case adds itself (those that need the database, the clock
 * or the installed instruments). Problems are listed by section in the order they were added, and
 * inside a section in the order of the body's fields (record components, list elements by index),
 * so a person reads them top to bottom as the form or JSON document is laid out. A problem is
 * written "field: what to do", or as its bare sentence when it names no field.
 *
 * <p>When every problem is a conflict with the installation (e.g. an instrument whose licensed
 * texts are missing) the answer is 409 with those sentences; otherwise 400 with all of them.
 */
public final class BodyProblems {
  private static final Pattern STEP = Pattern.compile("([A-Za-z_$][\\w$]*)?((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private final Class<? extends Record> type;
  private final List<List<Problem>> sections = new ArrayList<>();

  /** One problem: the field path it is about ("" for the whole body) and its text. */
  record Problem(String field, String text, boolean conflict) {}

  /** No problems yet, for a body of the given record type. */
  public BodyProblems(Class<? extends Record> type) {
    this.type = type;
    sections.add(new ArrayList<>());
  }

  /** Adds the violations of one validation as a new section. */
  public BodyProblems violations(Collection<? extends ConstraintViolation<?>> violations) {
    then();
    for (ConstraintViolation<?> violation : violations) {
      add(field(violation.getPropertyPath()), violation.getMessage());
    }
    return this;
  }

  /** Starts a new section: what is added afterwards is listed after everything added before. */
  public BodyProblems then() {
    if (!current().isEmpty()) {
      sections.add(new ArrayList<>());
    }
    return this;
  }

  /** A problem with a field, written "field: whatToDo"; a blank field gives the bare sentence. */
  public BodyProblems add(String field, String whatToDo) {
    String path = field == null ? "" : field;
    current().add(new Problem(path, path.isEmpty() ? whatToDo : path + ": " + whatToDo, false));
    return this;
  }

  /** A conflict with the installation, listed where {@code field} is, as its bare sentence. */
  public BodyProblems conflict(String field, String sentence) {
    current().add(new Problem(field == null ? "" : field, sentence, true));
    return this;
  }

  public boolean isEmpty() {
    return sections.stream().allMatch(List::isEmpty);
  }

  /** Every problem: section by section, each in the order of the body's fields. */
  public List<String> list() {
    return ordered().stream().map(Problem::text).toList();
  }

  /** True when there are problems and each is a conflict with the installation. */
  public boolean onlyConflicts() {
    return !isEmpty() && ordered().stream().allMatch(Problem::conflict);
  }

  /** Throws the 409 (only conflicts) or 400 answer when there is any problem. */
  public void throwIfAny() {
    if (isEmpty()) {
      return;
    }
    if (onlyConflicts()) {
      throw new ConflictException(list());
    }
    throw new InvalidRequestException(list());
  }

  private List<Problem> current() {
    return sections.get(sections.size() - 1);
  }

  private List<Problem> ordered() {
    List<Problem> all = new ArrayList<>();
    for (List<Problem> section : sections) {
      List<Problem> sorted = new ArrayList<>(section);
      sorted.sort(Comparator.comparing(p -> position(type, p.field()), BodyProblems::compare));
      all.addAll(sorted);
    }
    return all;
  }

  /** A violation's path written as the client wrote the field, e.g. {@code stages[1].phase}. */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      // A class-level check of a list element may name the element's index on two nodes.
      if (node.isInIterable() && node.getIndex() != null && !field.toString().endsWith("]")) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.toString();
  }

  /**
   * Where a field path lies in a body of {@code type}: the component's place in its record, then a
   * list element's index, and so on down; an unknown name goes after the known ones.
   */
  static List<Integer> position(Class<?> type, String field) {
    List<Integer> position = new ArrayList<>();
    Type current = type;
    if (field.isEmpty()) {
      return position;
    }
    for (String step : field.split("\\.")) {
      Matcher m = STEP.matcher(step);
      if (!m.matches()) {
        position.add(Integer.MAX_VALUE);
        return position;
      }
      if (m.group(1) != null) {
        RecordComponent[] components = components(current);
        int at = Integer.MAX_VALUE;
        for (int i = 0; i < components.length; i++) {
          if (components[i].getName().equals(m.group(1))) {
            at = i;
            current = components[i].getGenericType();
          }
        }
        position.add(at);
        if (at == Integer.MAX_VALUE) {
          return position;
        }
      }
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        position.add(Integer.parseInt(index.group(1)));
        current =
            current instanceof ParameterizedType list
                ? list.getActualTypeArguments()[list.getActualTypeArguments().length - 1]
                : Object.class;
      }
    }
    return position;
  }

  private static RecordComponent[] components(Type type) {
    Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
    return raw instanceof Class<?> c && c.isRecord()
        ? c.getRecordComponents()
        : new RecordComponent[0];
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
