package org.rapport.lti.activities;

import java.util.Objects;
import org.rapport.curriculum.modules.Family;

/**
 * Something an instructor can place in a course and whose completion Rapport reports.
 *
 * @param key the selection key, e.g. {@code module:teach-back} or {@code self-assessment}
 * @param resourceId the line item's {@code resourceId} (AGS 2.0 §3.2): the module id, or {@value
 *     #SELF_ASSESSMENT_RESOURCE_ID}
 * @param page the Rapport path a resource link to it opens, under {@code /app}
 * @param family the module family; null for the self-assessment
 * @param minutes typical duration; 0 when not known
 */
public record Activity(
    String key,
    String resourceId,
    String title,
    String summary,
    String page,
    Family family,
    int minutes) {
  /** The line-item tag of every Rapport activity: it reports completion, never a score. */
  public static final String COMPLETION_TAG = "completion";

  public static final String SELF_ASSESSMENT_KEY = "self-assessment";
  public static final String SELF_ASSESSMENT_RESOURCE_ID = "empathy-self-assessment";
  public static final String SELF_ASSESSMENT_PAGE = "/app/assessment";
  public static final String MODULE_PAGE_PREFIX = "/app/modules/";

  public Activity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(page, "page");
  }

  public boolean isSelfAssessment() {
    return family == null;
  }
}
