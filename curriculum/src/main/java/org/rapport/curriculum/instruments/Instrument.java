package org.rapport.curriculum.instruments;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An instrument in one version: its answer scale, items and scoring key, subscales, total and
 * missing-answer rule. Either a self-report that students answer about themselves, or a {@linkplain
 * #isRatingForm() rating form} that others (patients, faculty, peers) fill in about a student's
 * observed conversation; both are scored the same way. Built from a YAML definition by {@link
 * InstrumentDefinitionReader} (which reports problems by file and field); this record only guards
 * its own consistency.
 *
 * <p>An instrument whose item texts are licensed ({@link TextSource#LICENSEE}) can be scored as
 * soon as it is loaded, but is only {@linkplain #schedulable() schedulable} once an institution has
 * supplied the texts with {@link InstrumentCatalog#withLicensedTexts(LicensedItemTexts)}.
 *
 * @param shortTitle the name used in short messages, e.g. {@code JSE-S}; the title when not given
 *     <p>A rating form is never {@linkplain #schedulable() schedulable}: it cannot be a
 *     self-assessment wave's instrument. Whether its wording is complete (so raters can be sent it)
 *     is {@link #textsSupplied()}.
 * @param licence who owns the instrument and what an institution must hold to use it
 * @param ratedBy who fills it in about a student; empty for a self-report
 * @param commentPrompt the question above a rating form's free-text comment; only on a rating form
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
    MissingRule missing,
    Set<RaterType> ratedBy,
    Optional<String> commentPrompt) {

  /** Why a licensed instrument cannot be scheduled yet; filled with short title and config key. */
  public static final String TEXTS_NOT_SUPPLIED =
      "%s item texts have not been supplied: set %s to the licensed texts file";

  /** Why a rating form cannot be scheduled; filled with short title and who rates it. */
  public static final String RATING_FORM =
      "%s is a rating form that %s fill in about a student; it cannot be a self-assessment";

  /** A self-report (no raters, no comment prompt). */
  public Instrument(
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
    this(
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
        items,
        total,
        missing,
        Set.of(),
        Optional.empty());
  }

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
    Objects.requireNonNull(commentPrompt, "commentPrompt");
    ratedBy = Collections.unmodifiableSet(enumSet(Objects.requireNonNull(ratedBy, "ratedBy")));
    if (ratedBy.isEmpty() && commentPrompt.isPresent()) {
      throw new IllegalArgumentException(id + " has a comment prompt but is not a rating form");
    }
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

  /** Whether others fill it in about a student (it has {@code rated_by}), not the student. */
  public boolean isRatingForm() {
    return !ratedBy.isEmpty();
  }

  /** Whether {@code type} is one of the raters it is meant for. */
  public boolean ratedBy(RaterType type) {
    return ratedBy.contains(type);
  }

  /** Every item has its wording (licensed texts, when licensed, have been supplied). */
  public boolean textsSupplied() {
    return items.stream().allMatch(item -> item.text().isPresent());
  }

  /**
   * Whether students can be asked to answer it as a self-assessment: it is a self-report and every
   * item has its wording. A rating form never is; see {@link #textsSupplied()} for whether raters
   * can be sent one.
   */
  public boolean schedulable() {
    return !isRatingForm() && textsSupplied();
  }

  /** Why it is not {@linkplain #schedulable() schedulable}; empty when it is. */
  public Optional<String> unschedulableReason() {
    if (isRatingForm()) {
      return Optional.of(String.format(RATING_FORM, shortTitle, raters()));
    }
    if (!textsSupplied()) {
      return Optional.of(String.format(TEXTS_NOT_SUPPLIED, shortTitle, textsConfigKey()));
    }
    return Optional.empty();
  }

  /** Why raters cannot be sent this form: its licensed texts are missing; empty when they can. */
  public Optional<String> textsMissingReason() {
    return textsSupplied()
        ? Optional.empty()
        : Optional.of(String.format(TEXTS_NOT_SUPPLIED, shortTitle, textsConfigKey()));
  }

  /**
   * Who rates it, in words: "standardized patients", "faculty or peers"; empty for a self-report.
   */
  public String raters() {
    return ratedBy.stream()
        .map(
            t ->
                switch (t) {
                  case PATIENT -> "standardized patients";
                  case FACULTY -> "faculty";
                  case PEER -> "peers";
                })
        .collect(Collectors.joining(" or "));
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
        missing,
        ratedBy,
        commentPrompt);
  }

  private static Set<RaterType> enumSet(Collection<RaterType> types) {
    Set<RaterType> set = EnumSet.noneOf(RaterType.class);
    set.addAll(types);
    return set;
  }
}
