package org.rapport.lti.alerts;

import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.Programme;

/**
 * The text of the mail about one alert: what fell, every figure, the suggested modules and where to
 * see it. Aggregates only; never a student.
 */
public final class AlertMail {
  private AlertMail() {}

  public static String subject(StoredAlert a, AlertVocabulary words, Programme programme) {
    return "Rapport: "
        + a.cohortLabel()
        + " - "
        + words.measure(a.instrumentId(), a.measure())
        + " fell ("
        + (a.comparison() == ComparisonKind.CROSS_COHORT
            ? AlertVocabulary.stage(programme, a.toStage()) + ", against earlier cohorts"
            : AlertVocabulary.stage(programme, a.fromStage())
                + " to "
                + AlertVocabulary.stage(programme, a.toStage()))
        + ")";
  }

  /**
   * @param dashboardUrl the dashboard's address, or {@code null} when Rapport's public address is
   *     not known
   */
  public static String body(
      StoredAlert a, AlertVocabulary words, Programme programme, String dashboardUrl) {
    String measure = words.measure(a.instrumentId(), a.measure());
    StringBuilder b = new StringBuilder();
    b.append("Hello,\n\n");
    b.append("Rapport found a decline in the empathy self-assessment of ")
        .append(a.cohortLabel())
        .append(" (")
        .append(words.instrumentTitle(a.instrumentId()))
        .append(").\n\n");
    if (words.formative(a.instrumentId())) {
      b.append(AlertVocabulary.FORMATIVE_CAVEAT).append("\n\n");
    }
    b.append("What fell: ").append(measure).append('\n');
    b.append("Comparison: ").append(AlertVocabulary.comparison(a.comparison())).append('\n');
    String level = FigureFormat.level(a.ciLevel());
    if (a.comparison() == ComparisonKind.CROSS_COHORT) {
      b.append("Wave: ").append(AlertVocabulary.stageLong(programme, a.toStage())).append("\n\n");
      b.append(group("Earlier cohorts", a.reference()));
      b.append(group(a.cohortLabel(), a.current()));
      b.append("Difference: ").append(FigureFormat.score(a.change())).append(" points\n");
    } else {
      b.append("Waves: ")
          .append(AlertVocabulary.stageLong(programme, a.fromStage()))
          .append(" to ")
          .append(AlertVocabulary.stageLong(programme, a.toStage()))
          .append("\n\n");
      b.append("Students who answered both waves: n = ").append(a.current().n()).append('\n');
      b.append(group(AlertVocabulary.stage(programme, a.fromStage()), a.reference()));
      b.append(group(AlertVocabulary.stage(programme, a.toStage()), a.current()));
      b.append("Mean change: ").append(FigureFormat.score(a.change())).append(" points");
      if (a.sdOfChange() != null) {
        b.append(" (SD of the changes ").append(FigureFormat.score(a.sdOfChange())).append(')');
      }
      b.append('\n');
    }
    b.append(level)
        .append(" confidence interval of the change: ")
        .append(FigureFormat.interval(a.ciLower(), a.ciUpper()))
        .append('\n');
    b.append("Effect size: ")
        .append(FigureFormat.effect(a.effectSize()))
        .append(" (")
        .append(effectName(a.effectSizeMeasure()))
        .append(")\n");
    b.append("t = ")
        .append(FigureFormat.effect(a.t()))
        .append(", df = ")
        .append(FigureFormat.score(a.df()))
        .append(", ")
        .append(FigureFormat.pStatement(a.p()))
        .append('\n');
    if (a.allStudents() != null) {
      b.append("Estimated from every student's answers (mixed model, ")
          .append(a.allStudents().students())
          .append(" students): ")
          .append(FigureFormat.score(a.allStudents().estimate()))
          .append(" points, ")
          .append(level)
          .append(" CI ")
          .append(FigureFormat.interval(a.allStudents().ciLower(), a.allStudents().ciUpper()))
          .append('\n');
    }
    if (!a.recommendedModules().isEmpty()) {
      b.append("\nModules that address ")
          .append(measure.toLowerCase(java.util.Locale.ROOT))
          .append(":\n");
      for (String id : a.recommendedModules()) {
        b.append("  - ").append(words.moduleTitle(id));
        if (words.hasGuide(id)) {
          b.append(" (with a facilitator guide for a small-group debrief)");
        }
        b.append('\n');
      }
    }
    b.append("\nSelf-reported scores respond to how students feel about answering; please read the")
        .append(" response rates next to the means.\n");
    if (dashboardUrl != null) {
      b.append("\nSee the cohort's trend and answer the alert on the dashboard (open Rapport from")
          .append(" your LMS course first): ")
          .append(dashboardUrl)
          .append('\n');
    } else {
      b.append("\nSee the cohort's trend and answer the alert in Rapport: open it from your LMS")
          .append(" course and choose \"Cohort trends and alerts\".\n");
    }
    b.append("\nYou receive this because your institution's alert settings in Rapport name you.\n");
    return b.toString();
  }

  private static String group(String name, StoredAlert.Group g) {
    return name
        + ": n = "
        + g.n()
        + ", mean "
        + FigureFormat.score(g.mean())
        + ", SD "
        + FigureFormat.score(g.sd())
        + ", response rate "
        + FigureFormat.rate(g.responseRate())
        + "\n";
  }

  static String effectName(String measure) {
    return switch (measure) {
      case "D_AV" -> "mean change divided by the average SD of the two waves, d_av";
      case "D_Z" -> "mean change divided by the SD of the changes, d_z";
      default -> "Hedges' g";
    };
  }
}
