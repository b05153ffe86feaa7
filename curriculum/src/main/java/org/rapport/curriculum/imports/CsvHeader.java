package org.rapport.curriculum.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The header row of an import file: column names (trimmed, lower case) and where each is. Import
 * formats share its checks (an empty file, semicolons instead of commas, a column named twice, a
 * column the format does not know) and its way of reading a row's field by column name.
 */
final class CsvHeader {
  static final String EMPTY_FILE = "the file is empty; the first row must name the columns";
  static final String SEMICOLONS =
      "columns are separated by semicolons; save the file as comma-separated values (CSV)";
  static final String DUPLICATE_COLUMN = "appears twice in the header";
  static final String FIELD_COUNT = "has %d fields but the header has %d columns";

  private final Map<String, Integer> index;
  private final List<String> names;

  private CsvHeader(Map<String, Integer> index, List<String> names) {
    this.index = index;
    this.names = Collections.unmodifiableList(names);
  }

  /**
   * Reads the header row: every column named twice, and every column {@code accepts} refuses
   * (reported with {@code unknownColumn}), is added to {@code problems} in column order. Empty when
   * the file has no header at all or uses semicolons (then nothing else can be checked).
   */
  static Optional<CsvHeader> read(
      List<String> header,
      Predicate<String> accepts,
      String unknownColumn,
      List<RowProblem> problems) {
    if (header == null || header.isEmpty() || (header.size() == 1 && header.get(0).isBlank())) {
      problems.add(new RowProblem(1, RowProblem.WHOLE_FILE, EMPTY_FILE));
      return Optional.empty();
    }
    if (header.size() == 1 && header.get(0).contains(";")) {
      problems.add(new RowProblem(1, RowProblem.WHOLE_FILE, SEMICOLONS));
      return Optional.empty();
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      names.add(name);
      if (index.putIfAbsent(name, i) != null) {
        problems.add(new RowProblem(1, name, DUPLICATE_COLUMN));
      } else if (!accepts.test(name)) {
        problems.add(new RowProblem(1, name, unknownColumn));
      }
    }
    return Optional.of(new CsvHeader(index, names));
  }

  /** The number of an {@code item_<n>} column (n from 1 to 9999); empty for other names. */
  static OptionalInt itemNumber(String name) {
    if (name.startsWith(ResultColumns.ITEM_PREFIX)) {
      String n = name.substring(ResultColumns.ITEM_PREFIX.length());
      if (n.matches("[1-9][0-9]{0,3}")) {
        return OptionalInt.of(Integer.parseInt(n));
      }
    }
    return OptionalInt.empty();
  }

  boolean has(String column) {
    return index.containsKey(column);
  }

  int size() {
    return names.size();
  }

  /** The problem of a row whose field count is not the header's; empty when it fits. */
  Optional<RowProblem> fieldCount(long row, List<String> fields) {
    if (fields.size() == names.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new RowProblem(
            row, RowProblem.WHOLE_ROW, String.format(FIELD_COUNT, fields.size(), names.size())));
  }

  /** The row's field in {@code column}, trimmed; empty when the header has no such column. */
  String value(List<String> fields, String column) {
    Integer i = index.get(column);
    return i == null ? "" : fields.get(i).strip();
  }
}
