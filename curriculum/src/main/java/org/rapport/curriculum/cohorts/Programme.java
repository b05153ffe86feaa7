package org.rapport.curriculum.cohorts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An institution's sequence of training stages, in the order its cohorts pass them: Rapport's
 * standard four-year sequence ({@link #standard()}) or the stages its schedule template names (six
 * years plus foundation years, five years then an internship, ...). Imports, waves, dashboards,
 * alerts and the student trajectory read stage names and their order from here.
 */
public final class Programme {
  private static final Programme STANDARD = new Programme(TrainingStage.values());
  private static final Map<String, Integer> STANDARD_ORDER = new LinkedHashMap<>();

  static {
    for (TrainingStage s : TrainingStage.values()) {
      STANDARD_ORDER.put(s.code(), s.order());
    }
  }

  private final List<TrainingStage> stages;
  private final Map<String, TrainingStage> byCode = new LinkedHashMap<>();

  /** The stages in order; each is placed at its position in the list. */
  public Programme(List<TrainingStage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a programme needs at least one stage");
    }
    List<TrainingStage> placed = new ArrayList<>();
    for (TrainingStage s : stages) {
      TrainingStage p = s.order() == placed.size() ? s : s.placed(placed.size(), yearsOf(s));
      if (byCode.putIfAbsent(p.code(), p) != null) {
        throw new IllegalArgumentException(p.code() + " is listed twice");
      }
      placed.add(p);
    }
    this.stages = List.copyOf(placed);
  }

  private static int yearsOf(TrainingStage s) {
    return s.earliestYear(0);
  }

  /** Rapport's standard sequence: matriculation, four school years, graduation, PGY-1 to 3. */
  public static Programme standard() {
    return STANDARD;
  }

  /** The stages in training order. */
  public List<TrainingStage> stages() {
    return stages;
  }

  /** Reads a stage name as written in files and requests; empty when the programme has none. */
  public Optional<TrainingStage> parse(String name) {
    return TrainingStage.code(name).map(byCode::get);
  }

  /**
   * The stage a stored code stands for. A code the programme no longer names (the institution
   * changed its stages after waves were held) is kept, after the programme's own stages, under its
   * code, so that no stored result disappears from a page.
   */
  public TrainingStage stage(String code) {
    TrainingStage known = byCode.get(code);
    if (known != null) {
      return known;
    }
    String c = TrainingStage.code(code).orElse("UNKNOWN");
    TrainingStage last = stages.get(stages.size() - 1);
    // Distinct positions for distinct codes: a standard stage keeps its standard order among them.
    int after =
        STANDARD_ORDER.containsKey(c)
            ? STANDARD_ORDER.get(c)
            : TrainingStage.values().size() + Math.floorMod(c.hashCode(), 100_000);
    return new TrainingStage(c, c, c, last.phaseAfter(), stages.size() + after, 0);
  }

  /** The accepted names, comma separated, for messages. */
  public String names() {
    return stages.stream().map(TrainingStage::code).collect(Collectors.joining(", "));
  }

  /** The sentence for a name that {@link #parse(String)} does not accept. */
  public String unknown(String name) {
    return String.format(TrainingStage.UNKNOWN, name == null ? "" : name.strip(), names());
  }
}
