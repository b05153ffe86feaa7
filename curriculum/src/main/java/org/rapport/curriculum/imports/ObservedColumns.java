package org.rapport.curriculum.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a file of past observed ratings (OSCE communication stations and the like), one
 * row per rating. Required: {@link #STUDENT}, {@link #DATE}, {@link #STAGE}, {@link #STATION},
 * {@link #RATER_TYPE} (a {@link org.rapport.curriculum.instruments.RaterType} code). Optional:
 * {@link #SETTING} (default {@code osce-station}), {@link #FORM} and {@link #FORM_VERSION}
 * (default: the form raters of the type fill in), {@link #COMMENT}, and either item answers {@code
 * item_1 … item_n} or a {@link #TOTAL}.
 */
public final class ObservedColumns {
  public static final String STUDENT = "student_pseudonym";
  public static final String DATE = "date";
  public static final String STAGE = "stage";
  public static final String STATION = "station";
  public static final String SETTING = "setting";
  public static final String RATER_TYPE = "rater_type";
  public static final String FORM = "form";
  public static final String FORM_VERSION = "form_version";
  public static final String COMMENT = "comment";
  public static final String COHORT = "cohort";
  public static final String TOTAL = "total";

  public static final List<String> REQUIRED = List.of(STUDENT, DATE, STAGE, STATION, RATER_TYPE);
  public static final List<String> OPTIONAL =
      List.of(SETTING, COHORT, FORM, FORM_VERSION, COMMENT, TOTAL);

  /** The setting an empty {@link #SETTING} cell stands for. */
  public static final String DEFAULT_SETTING = "osce-station";

  /** The values of {@link #SETTING}, each with the name Rapport stores. */
  public static final Map<String, String> SETTINGS = settings();

  /** The longest station name and comment Rapport keeps. */
  public static final int MAX_STATION = 200;

  public static final int MAX_COMMENT = 2000;

  private ObservedColumns() {}

  private static Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("osce-station", "OSCE_STATION");
    m.put("sp-practice", "SP_PRACTICE");
    m.put("clerkship", "CLERKSHIP");
    m.put("peer-role-play", "PEER_ROLE_PLAY");
    return java.util.Collections.unmodifiableMap(m);
  }
}
