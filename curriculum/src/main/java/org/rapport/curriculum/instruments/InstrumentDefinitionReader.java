package org.rapport.curriculum.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.rapport.curriculum.catalogue.YamlDocument;
import org.rapport.curriculum.catalogue.YamlFields;

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
 * total: {label: ...}        # optional norm: {mean: 116.54, sd: 10.85, group: ..., source: ...}
 * missing: {max_missing_per_subscale: 1, max_missing_total: 2, method: prorate-mean}
 * score_range: {min: 20, max: 140}   # optional; checked against items × scale
 * rated_by: [faculty, peer]  # optional: a rating form others fill in (patient, faculty, peer);
 *                            # left out for a self-report that students answer about themselves
 * comment_prompt: ...        # optional, rating forms only: the question above the free comment
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
          "score_range",
          "rated_by",
          "comment_prompt");
  private static final Set<String> SCALE = Set.of("min", "max", "labels");
  private static final Set<String> SUBSCALE = Set.of("id", "label", "description");
  private static final Set<String> ITEM = Set.of("number", "text", "reverse", "subscale");
  private static final Set<String> TOTAL = Set.of("label", "norm");
  private static final Set<String> NORM = Set.of("mean", "sd", "group", "source");
  private static final Set<String> MISSING =
      Set.of("max_missing_per_subscale", "max_missing_total", "method");
  private static final Set<String> RANGE = Set.of("min", "max");

  private InstrumentDefinitionReader() {}

  /** Reads a definition from the file system; the path names the file in problems. */
  public static Instrument read(Path file) {
    return parse(file.toString(), InstrumentFiles.readText(file));
  }

  /**
   * Parses and validates a definition.
   *
   * @param file how problems name the file
   * @throws InstrumentException listing every problem
   */
  public static Instrument parse(String file, String yaml) {
    YamlDocument document = new YamlDocument(file);
    YamlFields doc =
        InstrumentFiles.root(
            document, yaml, "id, version, title, ...", TOP, "an instrument definition");

    InstrumentId id = null;
    String idText = doc.text("id");
    if (idText != null) {
      if (InstrumentId.SLUG.matcher(idText).matches()) {
        id = new InstrumentId(idText);
      } else {
        doc.problem("id", InstrumentId.SLUG_RULE);
      }
    }
    Integer version = doc.atLeast("version", 1, true);
    String title = doc.text("title");
    String shortTitle = doc.optionalText("short_title");
    String description = doc.optionalText("description");
    InstrumentKind kind = doc.choice("kind", InstrumentKind.class, InstrumentKind::yamlName);
    String licence = doc.text("licence");
    LikertScale scale = scale(doc);
    TextSource texts = doc.choice("texts", TextSource.class, TextSource::yamlName);
    Map<SubscaleId, Integer> subscaleIndex = new LinkedHashMap<>();
    List<Subscale> subscales = subscales(doc, subscaleIndex);
    List<Item> items = items(doc, texts, subscales == null ? null : subscaleIndex);
    if (subscales != null && items != null) {
      Set<SubscaleId> used = items.stream().map(Item::subscale).collect(Collectors.toSet());
      subscaleIndex.forEach(
          (subscale, index) -> {
            if (!used.contains(subscale)) {
              doc.problem("subscales[" + index + "]", "subscale '" + subscale + "' has no items");
            }
          });
    }
    YamlFields totalNode = doc.mapping("total", "a total (label)", true);
    Total total = null;
    if (totalNode != null) {
      totalNode.allowOnly(TOTAL, "a total");
      String label = totalNode.text("label");
      Optional<Norm> norm = norm(totalNode);
      total = label == null ? null : new Total(label, norm);
    }
    MissingRule missing = missing(doc, items);
    scoreRange(doc, items, scale);
    Set<RaterType> ratedBy = ratedBy(doc);
    String commentPrompt = doc.optionalText("comment_prompt");
    if (commentPrompt != null && ratedBy != null && ratedBy.isEmpty()) {
      doc.problem(
          "comment_prompt",
          "is only for a rating form: add rated_by (patient, faculty, peer) to make this a rating"
              + " form, or leave comment_prompt out of a self-report");
    }

    InstrumentFiles.throwIfAny(document);
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
        missing,
        ratedBy,
        Optional.ofNullable(commentPrompt));
  }

  /**
   * Who rates a rating form; empty when {@code rated_by} is left out (a self-report), null when it
   * is wrong (each problem is recorded).
   */
  private static Set<RaterType> ratedBy(YamlFields doc) {
    String allowed = "patient, faculty, peer";
    if (!doc.has("rated_by")) {
      return Set.of();
    }
    if (doc.value("rated_by") == null) {
      doc.problem(
          "rated_by",
          "is empty: list who rates this form ("
              + allowed
              + "), or leave rated_by out for a"
              + " self-report");
      return null;
    }
    List<?> nodes = doc.list("rated_by", 0, Integer.MAX_VALUE, "rater types (" + allowed + ")");
    if (nodes == null) {
      return null;
    }
    if (nodes.isEmpty()) {
      doc.problem(
          "rated_by",
          "must name at least one rater type ("
              + allowed
              + "); leave rated_by out for a"
              + " self-report");
      return null;
    }
    Set<RaterType> types = new LinkedHashSet<>();
    boolean valid = true;
    for (int i = 0; i < nodes.size(); i++) {
      String field = "rated_by[" + i + "]";
      RaterType type =
          doc.choiceValue(
              field, nodes.get(i), RaterType::find, RaterType.values(), RaterType::code);
      if (type == null) {
        valid = false;
      } else if (!types.add(type)) {
        doc.problem(field, "'" + type.code() + "' is listed more than once");
        valid = false;
      }
    }
    return valid ? types : null;
  }

  private static LikertScale scale(YamlFields doc) {
    YamlFields node = doc.mapping("scale", "a scale (min, max, labels)", true);
    if (node == null) {
      return null;
    }
    node.allowOnly(SCALE, "a scale");
    Integer min = node.wholeNumber("min");
    Integer max = node.wholeNumber("max");
    boolean bounds = min != null && max != null;
    if (bounds && max <= min) {
      node.problem("scale.max", "must be greater than scale.min (" + min + ")");
      bounds = false;
    }
    YamlFields labelNode = node.mapping("labels", "labels by scale point", true);
    if (labelNode == null) {
      return null;
    }
    Map<Integer, String> labels = new TreeMap<>();
    Set<Object> points = new HashSet<>();
    boolean labelsValid = true;
    for (Map.Entry<?, ?> entry : labelNode.entries()) {
      String field = labelNode.at(entry.getKey());
      points.add(entry.getKey());
      if (!(entry.getKey() instanceof Integer point)) {
        node.problem(field, "must be a whole number on the scale");
        labelsValid = false;
        continue;
      }
      if (bounds && (point < min || point > max)) {
        node.problem(field, "is outside the scale " + min + "–" + max);
        labelsValid = false;
      }
      String label = labelNode.text(field, entry.getValue());
      if (label == null) {
        labelsValid = false;
      } else {
        labels.put(point, label);
      }
    }
    if (bounds && (!points.contains(min) || !points.contains(max))) {
      node.problem(
          "scale.labels",
          "must name at least both ends of the scale (" + min + " and " + max + ")");
      labelsValid = false;
    }
    return bounds && labelsValid ? new LikertScale(min, max, labels) : null;
  }

  private static List<Subscale> subscales(YamlFields doc, Map<SubscaleId, Integer> index) {
    List<?> nodes = doc.list("subscales", 1, Integer.MAX_VALUE, "subscales");
    if (nodes == null || nodes.isEmpty()) {
      return null;
    }
    List<Subscale> subscales = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < nodes.size(); i++) {
      String path = "subscales[" + i + "]";
      YamlFields node = doc.item(nodes.get(i), path, "a subscale (id, label, description)");
      if (node == null) {
        valid = false;
        continue;
      }
      node.allowOnly(SUBSCALE, "a subscale");
      String idText = node.text("id");
      String label = node.text("label");
      String description = node.text("description");
      SubscaleId id = null;
      if (idText != null) {
        if (!InstrumentId.SLUG.matcher(idText).matches()) {
          node.problem(path + ".id", InstrumentId.SLUG_RULE);
        } else if (index.containsKey(new SubscaleId(idText))) {
          node.problem(path + ".id", "subscale '" + idText + "' is declared more than once");
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
      YamlFields doc, TextSource texts, Map<SubscaleId, Integer> declared) {
    List<?> nodes = doc.list("items", 1, Integer.MAX_VALUE, "items");
    if (nodes == null || nodes.isEmpty()) {
      return null;
    }
    List<Item> items = new ArrayList<>();
    Map<Integer, Integer> firstIndexOfNumber = new HashMap<>();
    boolean valid = true;
    for (int i = 0; i < nodes.size(); i++) {
      String path = "items[" + i + "]";
      YamlFields node = doc.item(nodes.get(i), path, "an item (number, reverse, subscale)");
      if (node == null) {
        valid = false;
        continue;
      }
      node.allowOnly(ITEM, "an item");
      Integer number = node.atLeast("number", 1, true);
      if (number != null && firstIndexOfNumber.putIfAbsent(number, i) != null) {
        node.problem(
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
        if (node.value("text") == null) {
          textValid = false;
          node.problem(path + ".text", "is missing; it is required when texts is 'included'");
        } else {
          text = node.text("text");
          textValid = text != null;
        }
      } else if (texts == TextSource.LICENSEE && node.value("text") != null) {
        textValid = false;
        node.problem(
            path + ".text",
            "must be left out when texts is 'licensee': the institution supplies the licensed"
                + " wording in its own texts file");
      }
      Boolean reverse = node.requiredFlag("reverse");
      String subscaleText = node.text("subscale");
      SubscaleId subscale = null;
      if (subscaleText != null && declared != null) {
        if (InstrumentId.SLUG.matcher(subscaleText).matches()
            && declared.containsKey(new SubscaleId(subscaleText))) {
          subscale = new SubscaleId(subscaleText);
        } else {
          node.problem(
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
      doc.problem(
          "items",
          "item numbers must run from 1 to "
              + items.size()
              + " without gaps; missing: "
              + gaps.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      return null;
    }
    return items;
  }

  /** The total's optional published norm: a mean, a positive SD, the group and the source. */
  private static Optional<Norm> norm(YamlFields total) {
    YamlFields node = total.mapping("norm", "a published norm (mean, sd, group, source)", false);
    if (node == null) {
      return Optional.empty();
    }
    node.allowOnly(NORM, "a published norm");
    Double mean = number(node, "mean");
    Double sd = number(node, "sd");
    String group = node.text("group");
    String source = node.text("source");
    if (sd != null && sd <= 0) {
      node.problem(node.at("sd"), "must be greater than 0");
      return Optional.empty();
    }
    return mean == null || sd == null || group == null || source == null
        ? Optional.empty()
        : Optional.of(new Norm(mean, sd, group, source));
  }

  private static Double number(YamlFields node, String key) {
    Object value = node.value(key);
    if (value == null) {
      node.problem(node.at(key), "is missing");
      return null;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    node.problem(node.at(key), "must be a number");
    return null;
  }

  private static MissingRule missing(YamlFields doc, List<Item> items) {
    YamlFields node =
        doc.mapping(
            "missing",
            "a missing-answer rule (max_missing_per_subscale, max_missing_total, method)",
            true);
    if (node == null) {
      return null;
    }
    node.allowOnly(MISSING, "a missing-answer rule");
    Integer perSubscale = node.atLeast("max_missing_per_subscale", 0, false);
    Integer total = node.atLeast("max_missing_total", 0, true);
    ProrationMethod method =
        node.choice("method", ProrationMethod.class, ProrationMethod::yamlName);
    if (total != null && items != null && total >= items.size()) {
      node.problem(
          "missing.max_missing_total",
          "must be less than the number of items (" + items.size() + ")");
      return null;
    }
    if (total == null
        || method == null
        || (perSubscale == null && node.value("max_missing_per_subscale") != null)) {
      return null;
    }
    return new MissingRule(
        perSubscale == null ? OptionalInt.empty() : OptionalInt.of(perSubscale), total, method);
  }

  private static void scoreRange(YamlFields doc, List<Item> items, LikertScale scale) {
    YamlFields node = doc.mapping("score_range", "a score range (min, max)", false);
    if (node == null) {
      return;
    }
    node.allowOnly(RANGE, "a score range");
    Integer min = node.wholeNumber("min");
    Integer max = node.wholeNumber("max");
    if (items == null || scale == null) {
      return;
    }
    ScoreRange computed = ScoreRange.of(items.size(), scale);
    if (min != null && min != computed.min()) {
      node.problem(
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
      node.problem(
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
