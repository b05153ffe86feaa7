package org.rapport.lti.protocol.ags;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A gradebook column (AGS 2.0 §3.2, media type {@value AgsClient#LINE_ITEM}).
 *
 * @param id the line item's URL; null for one not yet created
 * @param scoreMaximum greater than zero
 * @param resourceLinkId the LMS resource link it belongs to, or null
 * @param resourceId the tool's identifier of the graded activity, or null
 * @param tag the tool's qualifier (Rapport uses {@code completion}), or null
 */
public record LineItem(
    URI id,
    String label,
    double scoreMaximum,
    String resourceLinkId,
    String resourceId,
    String tag) {

  public LineItem {
    Objects.requireNonNull(label, "label");
    if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
      throw new IllegalArgumentException("A line item's scoreMaximum must be greater than zero");
    }
  }

  /** Reads a line item of a platform's answer; tolerant of members it does not know. */
  static LineItem fromJson(Map<?, ?> json) {
    Object id = json.get("id");
    Object max = json.get("scoreMaximum");
    double maximum = max instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : 1;
    Object label = json.get("label");
    return new LineItem(
        id instanceof String text ? URI.create(text) : null,
        label instanceof String text ? text : "",
        maximum,
        string(json.get("resourceLinkId")),
        string(json.get("resourceId")),
        string(json.get("tag")));
  }

  /** The JSON object of a line item to create (no id). */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", label);
    json.put("scoreMaximum", scoreMaximum);
    if (resourceLinkId != null) {
      json.put("resourceLinkId", resourceLinkId);
    }
    if (resourceId != null) {
      json.put("resourceId", resourceId);
    }
    if (tag != null) {
      json.put("tag", tag);
    }
    return json;
  }

  private static String string(Object value) {
    return value instanceof String text ? text : null;
  }
}
