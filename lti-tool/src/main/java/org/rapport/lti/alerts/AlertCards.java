package org.rapport.lti.alerts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.curriculum.alerts.ComparisonKind;

/** Alerts as the faculty pages show them (template {@code faculty-alert-list}). */
public final class AlertCards {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  private AlertCards() {}

  /**
   * @param back where the forms return to: {@code alerts} or {@code cohort}
   */
  public static List<Map<String, Object>> of(
      List<StoredAlert> alerts, AlertVocabulary words, String token, String back) {
    List<Map<String, Object>> cards = new ArrayList<>();
    for (StoredAlert a : alerts) {
      Map<String, Object> c = new HashMap<>();
      String measure = words.measure(a.instrumentId(), a.measure());
      boolean cross = a.comparison() == ComparisonKind.CROSS_COHORT;
      c.put("id", a.id());
      c.put("s", token);
      c.put("back", back);
      c.put("cohortId", a.cohortId());
      c.put("cohort", a.cohortLabel());
      c.put("measure", measure);
      c.put("state", a.state().name());
      c.put("stateLabel", a.state().label());
      c.put("open", a.state() == AlertState.OPEN);
      c.put("resolved", a.state() == AlertState.RESOLVED);
      c.put("comparison", AlertVocabulary.comparison(a.comparison()));
      c.put(
          "waves",
          cross
              ? AlertVocabulary.stageLong(a.toStage())
              : AlertVocabulary.stage(a.fromStage()) + " to " + AlertVocabulary.stage(a.toStage()));
      c.put("referenceName", cross ? "Earlier cohorts" : AlertVocabulary.stage(a.fromStage()));
      c.put("currentName", cross ? a.cohortLabel() : AlertVocabulary.stage(a.toStage()));
      c.put("reference", group(a.reference()));
      c.put("current", group(a.current()));
      c.put("paired", !cross);
      c.put("pairs", a.current().n());
      c.put("change", FigureFormat.score(a.change()));
      c.put("sdOfChange", a.sdOfChange() == null ? null : FigureFormat.score(a.sdOfChange()));
      c.put("level", FigureFormat.level(a.ciLevel()));
      c.put("ci", FigureFormat.interval(a.ciLower(), a.ciUpper()));
      c.put("effect", FigureFormat.effect(a.effectSize()));
      c.put("effectName", AlertMail.effectName(a.effectSizeMeasure()));
      c.put("t", FigureFormat.effect(a.t()));
      c.put("df", FigureFormat.score(a.df()));
      c.put("p", FigureFormat.pStatement(a.p()));
      if (a.allStudents() != null) {
        c.put(
            "allStudents",
            FigureFormat.score(a.allStudents().estimate())
                + " points ("
                + FigureFormat.level(a.ciLevel())
                + " CI "
                + FigureFormat.interval(a.allStudents().ciLower(), a.allStudents().ciUpper())
                + "), "
                + a.allStudents().students()
                + " students");
      }
      List<Map<String, String>> modules = new ArrayList<>();
      for (String id : a.recommendedModules()) {
        modules.add(Map.of("id", id, "title", words.moduleTitle(id)));
      }
      c.put("modules", modules);
      c.put("hasModules", !modules.isEmpty());
      c.put("raisedAt", date(a.raisedAt()));
      c.put("acknowledgedAt", date(a.acknowledgedAt()));
      c.put("acknowledgedBy", a.acknowledgedBy());
      c.put("resolvedAt", date(a.resolvedAt()));
      c.put("resolvedBy", a.resolvedBy());
      c.put("note", a.resolutionNote());
      cards.add(c);
    }
    return cards;
  }

  private static Map<String, Object> group(StoredAlert.Group g) {
    return Map.of(
        "n", g.n(),
        "mean", FigureFormat.score(g.mean()),
        "sd", FigureFormat.score(g.sd()),
        "rate", FigureFormat.rate(g.responseRate()));
  }

  private static String date(OffsetDateTime t) {
    return t == null ? null : DATE.format(t);
  }
}
