package org.rapport.curriculum.instruments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A self-assessment instrument in one version: its answer scale, items and scoring key, subscales,
 * total and missing-answer rule. Built from a YAML definition by {@link InstrumentDefinitionReader}
 * (which reports problems by file and field); this record only guards its own consistency.
 *
 * <p>An instrument whose item texts are licensed ({@link TextSource#LICENSEE}) can be scored as
 * soon as it is loaded, but is only {@linkplain #schedulable() schedulable} once an institution has
 * supplied the texts with {@link InstrumentCatalog#withLicensedTexts(LicensedItemTexts)}.
 *
 * @param shortTitle the name used in short messages, e.g. {@code JSE-S}; the title when not given
 * @param licence who owns the instrument and what an institution must hold to use it
 */
public record Instrument(
    InstrumentId id,
    int version,
    String title,
    String shortTitle,
    Optional<String> description,
    InstrumentKind kind,
    String licence,
    LikertScale scale,
    TextSource texts,
    List<Subscale> subscales,
    List<Item> items,
    Total total,
    MissingRule missing) {

  /** Why a licensed instrument cannot be scheduled yet; filled with short title and config key. */
  public static final String TEXTS_NOT_SUPPLIED =
      "%s item texts have not been supplied: set %s to the licensed texts file";

  public Instrument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(shortTitle, "shortTitle");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(missing, "missing");
    subscales = List.copyOf(subscales);
    items = List.copyOf(items);
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or greater: " + version);
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException(id + " has no items");
    }
    Set<SubscaleId> declared = new HashSet<>();
    for (Subscale subscale : subscales) {
      if (!declared.add(subscale.id())) {
        throw new IllegalArgumentException("subscale " + subscale.id() + " declared twice");
      }
    }
    Set<Integer> numbers = new HashSet<>();
    Set<SubscaleId> used = new HashSet<>();
    for (Item item : items) {
      if (!numbers.add(item.number())) {
        throw new IllegalArgumentException("item " + item.number() + " appears twice");
      }
      if (!declared.contains(item.subscale())) {
        throw new IllegalArgumentException(
            "item " + item.number() + " counts towards undeclared subscale " + item.subscale());
      }
      if (texts == TextSource.INCLUDED && item.text().isEmpty()) {
        throw new IllegalArgumentException("item " + item.number() + " has no text");
      }
      used.add(item.subscale());
    }
    if (!used.equals(declared)) {
      throw new IllegalArgumentException("every subscale needs at least one item");
    }
  }

  public InstrumentRef ref() {
    return new InstrumentRef(id, version);
  }

  public Optional<Item> item(int number) {
    return items.stream().filter(item -> item.number() == number).findFirst();
  }

  public Optional<Subscale> subscale(SubscaleId subscale) {
    return subscales.stream().filter(s -> s.id().equals(subscale)).findFirst();
  }

  /** The items that count towards {@code subscale}, in item order. */
  public List<Item> itemsIn(SubscaleId subscale) {
    return items.stream().filter(item -> item.subscale().equals(subscale)).toList();
  }

  /** The range of the total: number of items × scale minimum to number of items × maximum. */
  public ScoreRange scoreRange() {
    return ScoreRange.of(items.size(), scale);
  }

  public ScoreRange scoreRange(SubscaleId subscale) {
    return ScoreRange.of(itemsIn(subscale).size(), scale);
  }

  /** Whether students can be asked to answer it: every item has its wording. */
  public boolean schedulable() {
    return items.stream().allMatch(item -> item.text().isPresent());
  }

  /** Why it is not {@linkplain #schedulable() schedulable}; empty when it is. */
  public Optional<String> unschedulableReason() {
    if (schedulable()) {
      return Optional.empty();
    }
    return Optional.of(String.format(TEXTS_NOT_SUPPLIED, shortTitle, textsConfigKey()));
  }

  /** The configuration key that points at this instrument's licensed texts file. */
  public String textsConfigKey() {
    return "rapport.instruments." + id + ".texts";
  }

  /** This instrument with the given wording; the caller has checked that it fits every item. */
  Instrument withItemTexts(Map<Integer, String> textByNumber) {
    List<Item> withTexts =
        items.stream().map(item -> item.withText(textByNumber.get(item.number()))).toList();
    return new Instrument(
        id,
        version,
        title,
        shortTitle,
        description,
        kind,
        licence,
        scale,
        texts,
        subscales,
        withTexts,
        total,
        missing);
  }
}
