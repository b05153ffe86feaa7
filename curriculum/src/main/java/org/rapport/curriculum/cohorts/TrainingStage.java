package org.rapport.curriculum.cohorts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rapport.curriculum.modules.TrainingPhase;

/**
 * A point in training at which a cohort answers the self-assessment, as one institution's {@link
 * Programme} defines it: a code ({@code Y5}, {@code FY1}, {@code INTERNSHIP}), the names people
 * read, the phase of training that follows the wave (which decides the modules that suit the cohort
 * from then on), its position in the programme and the number of whole years after matriculation
 * before which its wave cannot take place.
 *
 * <p>Two stages are the same stage when their codes are equal; {@link #compareTo} orders stages of
 * one programme. The constants are Rapport's standard four-year sequence ({@link
 * Programme#standard()}).
 */
public final class TrainingStage implements Comparable<TrainingStage> {

  /** Why a stage name was not accepted; filled with the name given and the accepted names. */
  public static final String UNKNOWN = "'%s' is not a training stage; use one of %s";

  /** Why a code cannot name a stage. */
  public static final String BAD_CODE =
      "'%s' cannot name a stage; use 1 to 16 letters, digits or underscores, e.g. Y5 or FY1";

  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,16}");

  public static final TrainingStage MATRICULATION =
      new TrainingStage(
          "MATRICULATION",
          "Start of medical school",
          "Matriculation",
          TrainingPhase.PRE_CLINICAL,
          0,
          0);
  public static final TrainingStage Y1 =
      new TrainingStage("Y1", "End of year 1", "Year 1", TrainingPhase.PRE_CLINICAL, 1, 0);
  public static final TrainingStage Y2 =
      new TrainingStage("Y2", "End of year 2", "Year 2", TrainingPhase.CLERKSHIP, 2, 1);
  public static final TrainingStage Y3 =
      new TrainingStage("Y3", "End of year 3", "Year 3", TrainingPhase.FINAL_YEAR, 3, 2);
  public static final TrainingStage Y4 =
      new TrainingStage("Y4", "End of year 4", "Year 4", TrainingPhase.RESIDENCY, 4, 3);
  public static final TrainingStage GRADUATION =
      new TrainingStage("GRADUATION", "Graduation", "Graduation", TrainingPhase.RESIDENCY, 5, 3);
  public static final TrainingStage PGY1 =
      new TrainingStage("PGY1", "Residency year 1 (PGY-1)", "PGY-1", TrainingPhase.RESIDENCY, 6, 4);
  public static final TrainingStage PGY2 =
      new TrainingStage("PGY2", "Residency year 2 (PGY-2)", "PGY-2", TrainingPhase.RESIDENCY, 7, 5);
  public static final TrainingStage PGY3 =
      new TrainingStage("PGY3", "Residency year 3 (PGY-3)", "PGY-3", TrainingPhase.RESIDENCY, 8, 6);

  private static final List<TrainingStage> STANDARD =
      List.of(MATRICULATION, Y1, Y2, Y3, Y4, GRADUATION, PGY1, PGY2, PGY3);

  private final String code;
  private final String label;
  private final String shortLabel;
  private final TrainingPhase phaseAfter;
  private final int order;
  private final int yearsAfterMatriculation;

  /**
   * @param code the stage's code as files and requests name it (see {@link #code(String)})
   * @param label the name people read, e.g. {@code End of year 5}
   * @param shortLabel a short name for chart axes and table headers, e.g. {@code Year 5}
   * @param phaseAfter the phase of training a cohort is in once this stage's wave has opened
   * @param order position in the programme, 0 for the first stage
   * @param yearsAfterMatriculation whole years after the matriculation year before which the wave
   *     cannot have taken place
   */
  public TrainingStage(
      String code,
      String label,
      String shortLabel,
      TrainingPhase phaseAfter,
      int order,
      int yearsAfterMatriculation) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(String.format(BAD_CODE, code));
    }
    this.code = code;
    this.label = requireText(label, "label");
    this.shortLabel = requireText(shortLabel, "shortLabel");
    this.phaseAfter = Objects.requireNonNull(phaseAfter, "phaseAfter");
    if (order < 0 || yearsAfterMatriculation < 0) {
      throw new IllegalArgumentException("order and years must not be negative");
    }
    this.order = order;
    this.yearsAfterMatriculation = yearsAfterMatriculation;
  }

  private static String requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return text.strip();
  }

  /**
   * The code a stage name stands for: case-insensitive, dashes and spaces dropped ({@code PGY-1}
   * and {@code pgy 1} are {@code PGY1}); empty when the name cannot be a code.
   */
  public static Optional<String> code(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    return CODE.matcher(key).matches() ? Optional.of(key) : Optional.empty();
  }

  /** Rapport's standard stages, in training order. */
  public static List<TrainingStage> values() {
    return STANDARD;
  }

  /** Reads a name of a standard stage; see {@link Programme#parse} for an institution's. */
  public static Optional<TrainingStage> parse(String name) {
    return Programme.standard().parse(name);
  }

  /** The sentence for a name that {@link #parse(String)} does not accept. */
  public static String unknown(String name) {
    return Programme.standard().unknown(name);
  }

  /** This stage at position {@code order} of a programme, {@code years} after matriculation. */
  public TrainingStage placed(int order, int years) {
    return new TrainingStage(code, label, shortLabel, phaseAfter, order, years);
  }

  /** The code, e.g. {@code Y3}; what the database stores. */
  public String name() {
    return code;
  }

  public String code() {
    return code;
  }

  /** The name people read, e.g. {@code End of year 3}. */
  public String label() {
    return label;
  }

  /** A short name for chart axes and table headers, e.g. {@code PGY-1}. */
  public String shortLabel() {
    return shortLabel;
  }

  /** The phase of training a cohort is in once this stage's wave has opened. */
  public TrainingPhase phaseAfter() {
    return phaseAfter;
  }

  /** Position in the programme, 0 for its first stage. */
  public int order() {
    return order;
  }

  /**
   * The calendar year in which this stage's wave can take place at the earliest, for a cohort that
   * matriculated in {@code matriculationYear}. The bound is the earliest any school calendar
   * allows, so no real wave is refused.
   */
  public int earliestYear(int matriculationYear) {
    return matriculationYear + yearsAfterMatriculation;
  }

  @Override
  public int compareTo(TrainingStage other) {
    int byOrder = Integer.compare(order, other.order);
    return byOrder != 0 ? byOrder : code.compareTo(other.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingStage s && s.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
