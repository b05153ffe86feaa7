package org.rapport.lti.alerts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.Programme;

/**
 * One alert as the faculty pages show it (template {@code faculty-alert-list}): its figures in
 * words and the forms to acknowledge and resolve it.
 *
 * @param s the launch session token the forms post with
 * @param back where the forms return to: {@code alerts} or {@code cohort}
 * @param allStudents the mixed-model estimate in words; {@code null} when not available
 * @param sentence the alert in one plain sentence: who, what changed, how much, how sure
 * @param historical a historical finding (a graduated cohort, an old wave): shown, not mailed, not
 *     counted as open
 */
public record AlertCard(
    long id,
    String s,
    String back,
    long cohortId,
    String cohort,
    String measure,
    String state,
    String stateLabel,
    boolean open,
    boolean resolved,
    String comparison,
    String formativeCaveat,
    String waves,
    String referenceName,
    String currentName,
    Group reference,
    Group current,
    boolean paired,
    int pairs,
    String change,
    String sdOfChange,
    String level,
    String ci,
    String effect,
    String effectName,
    String t,
    String df,
    String p,
    String allStudents,
    List<Module> modules,
    boolean hasModules,
    String raisedAt,
    String acknowledgedAt,
    String acknowledgedBy,
    String resolvedAt,
    String resolvedBy,
    String note,
    String measureId,
    boolean total,
    String fromStage,
    String toStage,
    String comparisonKind,
    String sentence,
    boolean historical) {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  /** One side of the comparison, formatted. */
  public record Group(int n, String mean, String sd, String rate) {
    static Group of(StoredAlert.Group g) {
      return new Group(
          g.n(),
          FigureFormat.score(g.mean()),
          FigureFormat.score(g.sd()),
          FigureFormat.rate(g.responseRate()));
    }
  }

  /**
   * A recommended module, linked; {@code guideUrl} is {@code null} when it has no facilitator
   * guide.
   */
  public record Module(String id, String title, String url, String guideUrl) {}

  /**
   * @param programme the tenant's stages, which name the waves
   * @param back where the forms return to: {@code alerts} or {@code cohort}
   */
  public static List<AlertCard> of(
      List<StoredAlert> alerts,
      AlertVocabulary words,
      Programme programme,
      String token,
      String back) {
    return alerts.stream().map(a -> of(a, words, programme, token, back)).toList();
  }

  static AlertCard of(
      StoredAlert a, AlertVocabulary words, Programme programme, String token, String back) {
    boolean cross = a.comparison() == ComparisonKind.CROSS_COHORT;
    List<Module> modules =
        a.recommendedModules().stream()
            .map(
                id ->
                    new Module(
                        id,
                        words.moduleTitle(id),
                        "/app/modules/" + id + "?s=" + token,
                        words.hasGuide(id)
                            ? "/app/faculty/modules/" + id + "/guide?s=" + token
                            : null))
            .toList();
    return new AlertCard(
        a.id(),
        token,
        back,
        a.cohortId(),
        a.cohortLabel(),
        words.measure(a.instrumentId(), a.measure()),
        a.state().name(),
        a.state().label(),
        a.state() == AlertState.OPEN,
        a.state() == AlertState.RESOLVED,
        AlertVocabulary.comparison(a.comparison()),
        words.formative(a.instrumentId()) ? AlertVocabulary.FORMATIVE_CAVEAT : null,
        cross
            ? AlertVocabulary.stageLong(programme, a.toStage())
            : AlertVocabulary.stage(programme, a.fromStage())
                + " to "
                + AlertVocabulary.stage(programme, a.toStage()),
        cross ? "Earlier cohorts" : AlertVocabulary.stage(programme, a.fromStage()),
        cross ? a.cohortLabel() : AlertVocabulary.stage(programme, a.toStage()),
        Group.of(a.reference()),
        Group.of(a.current()),
        !cross,
        a.current().n(),
        FigureFormat.score(a.change()),
        a.sdOfChange() == null ? null : FigureFormat.score(a.sdOfChange()),
        FigureFormat.level(a.ciLevel()),
        FigureFormat.interval(a.ciLower(), a.ciUpper()),
        FigureFormat.effect(a.effectSize()),
        AlertMail.effectName(a.effectSizeMeasure()),
        FigureFormat.effect(a.t()),
        FigureFormat.score(a.df()),
        FigureFormat.pStatement(a.p()),
        a.allStudents() == null
            ? null
            : FigureFormat.score(a.allStudents().estimate())
                + " points ("
                + FigureFormat.level(a.ciLevel())
                + " CI "
                + FigureFormat.interval(a.allStudents().ciLower(), a.allStudents().ciUpper())
                + "), "
                + a.allStudents().students()
                + " students",
        modules,
        !modules.isEmpty(),
        date(a.raisedAt()),
        date(a.acknowledgedAt()),
        a.acknowledgedBy(),
        date(a.resolvedAt()),
        a.resolvedBy(),
        a.resolutionNote(),
        a.measure(),
        "total".equals(a.measure()),
        a.fromStage(),
        a.toStage(),
        a.comparison().name(),
        sentence(a, words, programme),
        a.historical());
  }

  /**
   * "Class of 2019: sharing the feeling fell from Year 2 to Year 3 by 4.1 points, about half a
   * standard deviation (a medium effect), among the 120 students who answered both waves. With 95%
   * confidence the fall lies between 2.9 and 5.3 points."
   */
  static String sentence(StoredAlert a, AlertVocabulary words, Programme programme) {
    String measure = words.measure(a.instrumentId(), a.measure());
    String what = "total".equals(a.measure()) ? "the total score" : lowerFirst(measure);
    String size =
        EffectWords.size(a.effectSize())
            + " (a "
            + EffectWords.magnitude(a.effectSize())
            + " effect)";
    String sure =
        " With "
            + FigureFormat.level(a.ciLevel())
            + " confidence the "
            + (a.comparison() == ComparisonKind.CROSS_COHORT ? "gap" : "fall")
            + " lies between "
            + FigureFormat.score(-a.ciUpper())
            + " and "
            + FigureFormat.score(-a.ciLower())
            + " points.";
    if (a.comparison() == ComparisonKind.CROSS_COHORT) {
      return a.cohortLabel()
          + ": "
          + what
          + " at "
          + lowerFirst(AlertVocabulary.stageLong(programme, a.toStage()))
          + " was "
          + FigureFormat.score(-a.change())
          + " points below earlier cohorts at the same wave, "
          + size
          + "; "
          + a.current().n()
          + " students of this cohort and "
          + a.reference().n()
          + " of earlier cohorts answered."
          + sure;
    }
    return a.cohortLabel()
        + ": "
        + what
        + " fell from "
        + AlertVocabulary.stage(programme, a.fromStage())
        + " to "
        + AlertVocabulary.stage(programme, a.toStage())
        + " by "
        + FigureFormat.score(-a.change())
        + " points, "
        + size
        + ", among the "
        + a.current().n()
        + " students who answered both waves."
        + sure;
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
      return s; // an abbreviation such as "PGY-1"
    }
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String date(OffsetDateTime t) {
    return t == null ? null : DATE.format(t);
  }
}
