package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.EffectSizeMeasure;
import org.rapport.curriculum.analytics.SmallCellSuppression;

/**
 * Reads, checks and stores a tenant's alert settings (table {@code alert_rule}); a tenant without a
 * row uses {@link RuleSettings#defaults()}. Plain JDBC on the caller's connection.
 */
public final class AlertRules {
  static final String NO_COMPARISON =
      "Switch on at least one comparison (PREVIOUS_WAVE, BASELINE or CROSS_COHORT); without one no"
          + " alert can ever be raised.";
  static final String UNKNOWN_COMPARISON =
      "'%s' is not a comparison; use PREVIOUS_WAVE, BASELINE" + " or CROSS_COHORT.";
  static final String UNKNOWN_EFFECT_SIZE =
      "'%s' is not an effect size for paired comparisons; use D_AV or D_Z.";
  static final String BELOW_INSTALLATION =
      "The minimum group size cannot be below this installation's %d students"
          + " (rapport.privacy.min-group-size).";
  static final String BAD_RECIPIENT = "'%s' is not an email address.";
  static final String BAD_MEASURE =
      "'%s' is not a measure name; use \"total\" or a subscale id such as \"affective\".";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
  private static final Pattern MEASURE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private AlertRules() {}

  public static RuleSettings load(Connection connection, long registrationId) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT comparisons, minimum_n, effect_size_threshold, confidence_level, measures,"
                + " minimum_group_size, paired_effect_size, recipients, mail_faculty,"
                + " validated_only FROM alert_rule WHERE registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return RuleSettings.defaults();
        }
        Set<ComparisonKind> comparisons = EnumSet.noneOf(ComparisonKind.class);
        for (String c : split(rs.getString(1))) {
          comparisons.add(ComparisonKind.valueOf(c));
        }
        AlertRule rule =
            new AlertRule(
                comparisons,
                rs.getInt(2),
                rs.getBigDecimal(3).doubleValue(),
                rs.getBigDecimal(4).doubleValue(),
                new LinkedHashSet<>(split(rs.getString(5))),
                rs.getInt(6),
                EffectSizeMeasure.valueOf(rs.getString(7)),
                rs.getBoolean(10));
        return new RuleSettings(rule, split(rs.getString(8)), rs.getBoolean(9), true);
      }
    }
  }

  public static void save(
      Connection connection, long registrationId, RuleSettings settings, String by, Instant now)
      throws SQLException {
    AlertRule rule = settings.rule();
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM alert_rule WHERE registration_id = ?")) {
      delete.setLong(1, registrationId);
      delete.executeUpdate();
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO alert_rule (registration_id, comparisons, minimum_n,"
                + " effect_size_threshold, confidence_level, measures, minimum_group_size,"
                + " paired_effect_size, recipients, mail_faculty, updated_at, updated_by,"
                + " validated_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, registrationId);
      s.setString(
          2, String.join(",", rule.comparisons().stream().sorted().map(Enum::name).toList()));
      s.setInt(3, rule.minimumN());
      s.setBigDecimal(4, java.math.BigDecimal.valueOf(rule.effectSizeThreshold()));
      s.setBigDecimal(5, java.math.BigDecimal.valueOf(rule.confidenceLevel()));
      s.setString(6, String.join(",", rule.measures().stream().sorted().toList()));
      s.setInt(7, rule.minimumGroupSize());
      s.setString(8, rule.pairedEffectSize().name());
      s.setString(9, String.join(",", settings.recipients()));
      s.setBoolean(10, settings.mailFaculty());
      s.setTimestamp(11, Timestamp.from(now));
      s.setString(12, by);
      s.setBoolean(13, rule.validatedOnly());
      s.executeUpdate();
    }
  }

  /**
   * Applies a requested change to the current settings.
   *
   * @return the new settings
   * @throws InvalidRule listing every problem, each a sentence a person can act on
   */
  public static RuleSettings merge(
      RuleSettings current, AlertRuleView change, int installationMinimumGroupSize) {
    List<String> problems = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    AlertRule rule = current.rule();
    if (change == null) {
      throw new InvalidRule(List.of("Send the alert rule as a JSON object."));
    }
    Set<ComparisonKind> comparisons = rule.comparisons();
    if (change.comparisons() != null) {
      comparisons = EnumSet.noneOf(ComparisonKind.class);
      for (String c : change.comparisons()) {
        try {
          comparisons.add(ComparisonKind.valueOf(c.strip().toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
          problem(problems, fields, "comparisons", String.format(UNKNOWN_COMPARISON, c));
        }
      }
      if (comparisons.isEmpty() && problems.isEmpty()) {
        problem(problems, fields, "comparisons", NO_COMPARISON);
      }
    }
    int groupSize =
        change.minimumGroupSize() != null ? change.minimumGroupSize() : rule.minimumGroupSize();
    if (groupSize < SmallCellSuppression.FLOOR) {
      problem(problems, fields, "minimumGroupSize", SmallCellSuppression.BELOW_FLOOR);
    } else if (groupSize < installationMinimumGroupSize) {
      problem(
          problems,
          fields,
          "minimumGroupSize",
          String.format(BELOW_INSTALLATION, installationMinimumGroupSize));
    }
    int minimumN = change.minimumN() != null ? change.minimumN() : rule.minimumN();
    if (change.minimumN() == null && change.minimumGroupSize() != null) {
      minimumN = Math.max(minimumN, groupSize);
    }
    if (minimumN < groupSize) {
      problem(
          problems,
          fields,
          "minimumN",
          "The minimum number of students for an alert ("
              + minimumN
              + ") cannot be below the minimum group size ("
              + groupSize
              + ").");
    }
    double threshold =
        change.effectSizeThreshold() != null
            ? change.effectSizeThreshold()
            : rule.effectSizeThreshold();
    if (!(threshold < 0) || Double.isInfinite(threshold)) {
      problem(
          problems,
          fields,
          "effectSizeThreshold",
          "The effect-size threshold for a decline must be a negative number such as -0.3.");
    }
    double level =
        change.confidenceLevel() != null ? change.confidenceLevel() : rule.confidenceLevel();
    if (!(level > 0.5 && level < 1)) {
      problem(
          problems,
          fields,
          "confidenceLevel",
          "The confidence level must lie between 0.5 and 1, for example 0.95.");
    }
    Set<String> measures = rule.measures();
    if (change.measures() != null) {
      measures = new LinkedHashSet<>();
      for (String m : change.measures()) {
        String name = m == null ? "" : m.strip();
        if (!MEASURE.matcher(name).matches()) {
          problem(problems, fields, "measures", String.format(BAD_MEASURE, m));
        } else {
          measures.add(name);
        }
      }
    }
    EffectSizeMeasure paired = rule.pairedEffectSize();
    if (change.pairedEffectSize() != null) {
      String name = change.pairedEffectSize().strip().toUpperCase(Locale.ROOT);
      if (name.equals("D_AV") || name.equals("D_Z")) {
        paired = EffectSizeMeasure.valueOf(name);
      } else {
        problem(
            problems,
            fields,
            "pairedEffectSize",
            String.format(UNKNOWN_EFFECT_SIZE, change.pairedEffectSize()));
      }
    }
    List<String> recipients = current.recipients();
    if (change.recipients() != null) {
      LinkedHashSet<String> unique = new LinkedHashSet<>();
      for (String r : change.recipients()) {
        String address = r == null ? "" : r.strip();
        if (!EMAIL.matcher(address).matches() || address.length() > 320) {
          problem(problems, fields, "recipients", String.format(BAD_RECIPIENT, r));
        } else {
          unique.add(address);
        }
      }
      recipients = List.copyOf(unique);
      if (String.join(",", recipients).length() > 4000) {
        problem(
            problems,
            fields,
            "recipients",
            "The list of recipients is too long; keep it under 4,000 characters.");
      }
    }
    boolean mailFaculty =
        change.mailFaculty() != null ? change.mailFaculty() : current.mailFaculty();
    boolean validatedOnly =
        change.validatedOnly() != null ? change.validatedOnly() : rule.validatedOnly();
    if (!problems.isEmpty()) {
      throw new InvalidRule(problems, fields);
    }
    AlertRule merged =
        new AlertRule(
            comparisons, minimumN, threshold, level, measures, groupSize, paired, validatedOnly);
    return new RuleSettings(merged, recipients, mailFaculty, true);
  }

  static List<String> split(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A rule change that was refused, with every reason. */
  private static void problem(
      List<String> problems, List<String> fields, String field, String what) {
    problems.add(what);
    fields.add(field);
  }

  public static final class InvalidRule extends RuntimeException {
    private final List<String> problems;
    private final List<String> fields;

    InvalidRule(List<String> problems) {
      this(problems, java.util.Collections.nCopies(problems.size(), (String) null));
    }

    InvalidRule(List<String> problems, List<String> fields) {
      super(String.join(" ", problems));
      this.problems = List.copyOf(problems);
      this.fields = new ArrayList<>(fields);
    }

    public List<String> problems() {
      return problems;
    }

    /** Each problem as "field: sentence" where it is about one field of the rule. */
    public List<String> fieldProblems() {
      List<String> named = new ArrayList<>();
      for (int i = 0; i < problems.size(); i++) {
        String field = i < fields.size() ? fields.get(i) : null;
        named.add(field == null ? problems.get(i) : field + ": " + problems.get(i));
      }
      return named;
    }
  }
}
