package org.rapport.curriculum.imports;

import java.util.List;

/**
 * The columns of a historical-results file. Required: {@link #STUDENT}, {@link #COHORT}, {@link
 * #STAGE}, {@link #INSTRUMENT}, {@link #VERSION}. Optional: {@link #COMPLETED_ON}, item answers
 * {@code item_1 … item_n}, or scores {@link #TOTAL} and {@code subscale_<subscale id>}.
 */
public final class ResultColumns {
  public static final String STUDENT = "student_id";
  public static final String COHORT = "cohort";
  public static final String STAGE = "stage";
  public static final String INSTRUMENT = "instrument";
  public static final String VERSION = "version";
  public static final String COMPLETED_ON = "completed_on";
  public static final String TOTAL = "total";
  public static final String ITEM_PREFIX = "item_";
  public static final String SUBSCALE_PREFIX = "subscale_";

  public static final List<String> REQUIRED = List.of(STUDENT, COHORT, STAGE, INSTRUMENT, VERSION);

  private ResultColumns() {}

  public static String item(int number) {
    return ITEM_PREFIX + number;
  }

  public static String subscale(String id) {
    return SUBSCALE_PREFIX + id;
  }
}
