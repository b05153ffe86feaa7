package org.rapport.curriculum.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads and validates an instrument definition file. The format (one YAML document per file):
 *
 * <pre>
 * id: jse-s                  # lower-case slug, with version identifies the instrument
 * version: 1                 # whole number, 1 or greater
 * title: ...
 * short_title: JSE-S         # optional, used in short messages; defaults to the title
 * description: ...           # optional
 * kind: validated            # formative | validated
 * licence: ...               # who owns it, what the institution must hold
 * scale: {min: 1, max: 7, labels: {1: Strongly disagree, 7: Strongly agree}}
 * texts: licensee            # included | licensee
 * subscales:
 *   - {id: perspective-taking, label: ..., description: ...}
 * items:                     # numbered 1..n without gaps, each in exactly one subscale
 *   - {number: 1, reverse: true, subscale: compassionate-care}   # text: only when included
 * total: {label: ...}
 * missing: {max_missing_per_subscale: 1, max_missing_total: 2, method: prorate-mean}
 * score_range: {min: 20, max: 140}   # optional; checked against items × scale
 * </pre>
 *
 * <p>Every problem found is reported, each naming file, field and what is wrong, in one {@link
 * InstrumentException}.
 */
public final class InstrumentDefinitionReader {

  private static final Set<String> TOP =
      Set.of(
          "id",
          "version",
          "title",
          "short_title",
          "description",
          "kind",
          "licence",
          "scale",
          "texts",
          "subscales",
          "items",
          "total",
          "missing",
          "score_range");
  private static final Set<String> SCALE = Set.of("min", "max", "labels");
  private static final Set<String> SUBSCALE = Set.of("id", "label", "description");
  private static final Set<String> ITEM = Set.of("number", "text", "reverse", "subscale");
  private static final Set<String> TOTAL = Set.of("label");
  private static final Set<String> MISSING =
      Set.of("max_missing_per_subscale", "max_missing_total", "method");
  private static final Set<String> RANGE = Set.of("min", "max");

  private InstrumentDefinitionReader() {}

  /** Reads a definition from the file system; the path names the file in problems. */
  public static Instrument read(Path file) {
    return parse(file.toString(), YamlFields.readText(file));
  }

  /**
   * Parses and validates a definition.
   *
   * @param file how problems name the file
   * @throws InstrumentException listing every problem
   */
  public static Instrument parse(String file, String yaml) {
    YamlFields y = new YamlFields(file);
    Map<?, ?> doc = y.root(yaml, TOP);

    InstrumentId id = null;
    String idText = y.text(doc, "", "id", true);
    if (idText != null) {
      if (InstrumentId.SLUG.matcher(idText).matches()) {
        id = new InstrumentId(idText);
      } else {
        y.problem("id", InstrumentId.SLUG_RULE);
      }
    }
    Integer version = y.atLeast(doc, "", "version", true, 1);
    String title = y.text(doc, "", "title", true);
    String shortTitle = y.text(doc, "", "short_title", false);
    String description = y.text(doc, "", "description", false);
    InstrumentKind kind = y.choice(doc, "", "kind", InstrumentKind.class, InstrumentKind::yamlName);
    String licence = y.text(doc, "", "licence", true);
    LikertScale scale = scale(y, doc);
    TextSource texts = y.choice(doc, "", "texts", TextSource.class, TextSource::yamlName);
    Map<SubscaleId, Integer> subscaleIndex = new LinkedHashMap<>();
    List<Subscale> subscales = subscales(y, doc, subscaleIndex);
    List<Item> items = items(y, doc, texts, subscales == null ? null : subscaleIndex);
    if (subscales != null && items != null) {
      Set<SubscaleId> used = items.stream().map(Item::subscale).collect(Collectors.toSet());
      subscaleIndex.forEach(
          (subscale, index) -> {
            if (!used.contains(subscale)) {
              y.problem("subscales[" + index + "]", "subscale '" + subscale + "' has no items");
            }
          });
    }
    Map<?, ?> totalNode = y.mapping(doc, "", "total", true);
    Total total = null;
    if (totalNode != null) {
      y.onlyKnown(totalNode, "total", TOTAL);
      String label = y.text(totalNode, "total", "label", true);
      total = label == null ? null : new Total(label);
    }
    MissingRule missing = missing(y, doc, items);
    scoreRange(y, doc, items, scale);

    y.throwIfAny();
    return new Instrument(
        id,
        version,
        title,
        shortTitle == null ? title : shortTitle,
        Optional.ofNullable(description),
        kind,
        licence,
        scale,
        texts,
        subscales,
        items,
        total,
        missing);
  }

  private static LikertScale scale(YamlFields y, Map<?, ?> doc) {
    Map<?, ?> node = y.mapping(doc, "", "scale", true);
    if (node == null) {
      return null;
    }
    y.onlyKnown(node, "scale", SCALE);
    Integer min = y.whole(node, "scale", "min", true);
    Integer max = y.whole(node, "scale", "max", true);
    boolean bounds = min != null && max != null;
    if (bounds && max <= min) {
      y.problem("scale.max", "must be greater than scale.min (" + min + ")");
      bounds = false;
    }
    Map<?, ?> labelNode = y.mapping(node, "scale", "labels", true);
    if (labelNode == null) {
      return null;
    }
    Map<Integer, String> labels = new TreeMap<>();
    boolean labelsValid = true;
    for (Map.Entry<?, ?> entry : labelNode.entrySet()) {
      String field = "scale.labels." + entry.getKey();
      if (!(entry.getKey() instanceof Integer point)) {
        y.problem(field, "must be a whole number on the scale");
        labelsValid = false;
        continue;
      }
      if (bounds && (point < min || point > max)) {
        y.problem(field, "is outside the scale " + min + "–" + max);
        labelsValid = false;
      }
      String label = y.text(entry.getValue(), field);
      if (label == null) {
        labelsValid = false;
      } else {
        labels.put(point, label);
      }
    }
    if (bounds && (!labelNode.containsKey(min) || !labelNode.containsKey(max))) {
      y.problem(
          "scale.labels",
          "must name at least both ends of the scale (" + min + " and " + max + ")");
      labelsValid = false;
    }
    return bounds && labelsValid ? new LikertScale(min, max, labels) : null;
  }

  private static List<Subscale> subscales(
      YamlFields y, Map<?, ?> doc, Map<SubscaleId, Integer> index) {
    List<?> nodes = y.list(doc, "", "subscales", true);
    if (nodes == null) {
      return null;
    }
    if (nodes.isEmpty()) {
      y.problem("subscales", "must list at least one subscale");
      return null;
    }
    List<Subscale> subscales = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < nodes.size(); i++) {
      String path = "subscales[" + i + "]";
      if (!(nodes.get(i) instanceof Map<?, ?> node)) {
        y.problem(path, "must be a mapping of fields");
        valid = false;
        continue;
      }
      y.onlyKnown(node, path, SUBSCALE);
      String idText = y.text(node, path, "id", true);
      String label = y.text(node, path, "label", true);
      String description = y.text(node, path, "description", true);
      SubscaleId id = null;
      if (idText != null) {
        if (!InstrumentId.SLUG.matcher(idText).matches()) {
          y.problem(path + ".id", InstrumentId.SLUG_RULE);
        } else if (index.containsKey(new SubscaleId(idText))) {
          y.problem(path + ".id", "subscale '" + idText + "' is declared more than once");
        } else {
          id = new SubscaleId(idText);
          index.put(id, i);
        }
      }
      if (id == null || label == null || description == null) {
        valid = false;
      } else {
        subscales.add(new Subscale(id, label, description));
      }
    }
    return valid ? subscales : null;
  }

  /**
   * @param declared the subscales declared, or null when they could not be read (references are
   *     then not checked, to avoid a problem per item for one mistake in the subscales)
   */
  private static List<Item> items(
      YamlFields y, Map<?, ?> doc, TextSource texts, Map<SubscaleId, Integer> declared) {
    List<?> nodes = y.list(doc, "", "items", true);
    if (nodes == null) {
      return null;
    }
    if (nodes.isEmpty()) {
      y.problem("items", "must list at least one item");
      return null;
    }
    List<Item> items = new ArrayList<>();
    Map<Integer, Integer> firstIndexOfNumber = new HashMap<>();
    boolean valid = true;
    for (int i = 0; i < nodes.size(); i++) {
      String path = "items[" + i + "]";
      if (!(nodes.get(i) instanceof Map<?, ?> node)) {
        y.problem(path, "must be a mapping of fields");
        valid = false;
        continue;
      }
      y.onlyKnown(node, path, ITEM);
      Integer number = y.atLeast(node, path, "number", true, 1);
      if (number != null && firstIndexOfNumber.putIfAbsent(number, i) != null) {
        y.problem(
            path + ".number",
            "item number "
                + number
                + " appears more than once (first at items["
                + firstIndexOfNumber.get(number)
                + "])");
        number = null;
      }
      String text = null;
      boolean textValid = true;
      if (texts == TextSource.INCLUDED) {
        text = y.text(node, path, "text", false);
        if (text == null) {
          textValid = false;
          if (node.get("text") == null) {
            y.problem(path + ".text", "is required when texts is 'included'");
          }
        }
      } else if (texts == TextSource.LICENSEE && node.get("text") != null) {
        textValid = false;
        y.problem(
            path + ".text",
            "must be left out when texts is 'licensee': the institution supplies the licensed"
                + " wording in its own texts file");
      }
      Boolean reverse = y.flag(node, path, "reverse", true);
      String subscaleText = y.text(node, path, "subscale", true);
      SubscaleId subscale = null;
      if (subscaleText != null && declared != null) {
        if (InstrumentId.SLUG.matcher(subscaleText).matches()
            && declared.containsKey(new SubscaleId(subscaleText))) {
          subscale = new SubscaleId(subscaleText);
        } else {
          y.problem(
              path + ".subscale",
              "subscale '" + subscaleText + "' is not declared under subscales");
        }
      }
      if (number == null || !textValid || reverse == null || subscale == null) {
        valid = false;
      } else {
        items.add(new Item(number, Optional.ofNullable(text), reverse, subscale));
      }
    }
    if (!valid) {
      return null;
    }
    Set<Integer> numbers = new HashSet<>(firstIndexOfNumber.keySet());
    List<Integer> gaps =
        IntStream.rangeClosed(1, items.size()).filter(n -> !numbers.contains(n)).boxed().toList();
    if (!gaps.isEmpty()) {
      y.problem(
          "items",
          "item numbers must run from 1 to "
              + items.size()
              + " without gaps; missing: "
              + gaps.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      return null;
    }
    return items;
  }

  private static MissingRule missing(YamlFields y, Map<?, ?> doc, List<Item> items) {
    Map<?, ?> node = y.mapping(doc, "", "missing", true);
    if (node == null) {
      return null;
    }
    y.onlyKnown(node, "missing", MISSING);
    Integer perSubscale = y.atLeast(node, "missing", "max_missing_per_subscale", false, 0);
    Integer total = y.atLeast(node, "missing", "max_missing_total", true, 0);
    ProrationMethod method =
        y.choice(node, "missing", "method", ProrationMethod.class, ProrationMethod::yamlName);
    if (total != null && items != null && total >= items.size()) {
      y.problem(
          "missing.max_missing_total",
          "must be less than the number of items (" + items.size() + ")");
      return null;
    }
    if (total == null
        || method == null
        || (perSubscale == null && node.get("max_missing_per_subscale") != null)) {
      return null;
    }
    return new MissingRule(
        perSubscale == null ? OptionalInt.empty() : OptionalInt.of(perSubscale), total, method);
  }

  private static void scoreRange(YamlFields y, Map<?, ?> doc, List<Item> items, LikertScale scale) {
    Map<?, ?> node = y.mapping(doc, "", "score_range", false);
    if (node == null) {
      return;
    }
    y.onlyKnown(node, "score_range", RANGE);
    Integer min = y.whole(node, "score_range", "min", true);
    Integer max = y.whole(node, "score_range", "max", true);
    if (items == null || scale == null) {
      return;
    }
    ScoreRange computed = ScoreRange.of(items.size(), scale);
    if (min != null && min != computed.min()) {
      y.problem(
          "score_range.min",
          "is "
              + min
              + " but the items give "
              + computed.min()
              + " ("
              + items.size()
              + " items × scale minimum "
              + scale.min()
              + ")");
    }
    if (max != null && max != computed.max()) {
      y.problem(
          "score_range.max",
          "is "
              + max
              + " but the items give "
              + computed.max()
              + " ("
              + items.size()
              + " items × scale maximum "
              + scale.max()
              + ")");
    }
  }
}
