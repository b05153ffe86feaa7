package org.rapport.lti.protocol.deeplinking;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A content item returned in a deep-linking response (Deep Linking 2.0 §3, e.g. §3.1 {@code
 * ltiResourceLink}). Optional members are {@code null} when absent.
 *
 * @param type the content item type, e.g. {@code ltiResourceLink}
 * @param url for {@code ltiResourceLink}: the launch URL; the platform's default when null
 * @param lineItem a gradebook column the platform should create with the link, or null
 * @param custom custom parameters the platform sends with every launch of the link
 */
public record ContentItem(
    String type,
    URI url,
    String title,
    String text,
    LineItem lineItem,
    Map<String, String> custom) {
  public static final String LTI_RESOURCE_LINK = "ltiResourceLink";

  public ContentItem {
    Objects.requireNonNull(type, "type");
    custom = custom == null ? Map.of() : Map.copyOf(custom);
  }

  /** An LTI resource link (Deep Linking 2.0 §3.1). */
  public static ContentItem ltiResourceLink(
      URI url, String title, String text, LineItem lineItem, Map<String, String> custom) {
    return new ContentItem(LTI_RESOURCE_LINK, url, title, text, lineItem, custom);
  }

  /**
   * The line item requested with a resource link (Deep Linking 2.0 §3.1, {@code lineItem}).
   *
   * @param scoreMaximum must be greater than zero
   * @param resourceId the tool's identifier of the graded resource, or null
   * @param tag the tool's qualifier of the line item, or null
   */
  public record LineItem(String label, double scoreMaximum, String resourceId, String tag) {
    public LineItem {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("A line item needs a label");
      }
      if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
        throw new IllegalArgumentException("A line item's scoreMaximum must be greater than zero");
      }
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("label", label);
      json.put("scoreMaximum", number(scoreMaximum));
      putIfPresent(json, "resourceId", resourceId);
      putIfPresent(json, "tag", tag);
      return json;
    }

    private static Object number(double value) {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
    }
  }

  /** The JSON object of this item in the {@code content_items} claim. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    putIfPresent(json, "url", url == null ? null : url.toString());
    putIfPresent(json, "title", title);
    putIfPresent(json, "text", text);
    if (lineItem != null) {
      json.put("lineItem", lineItem.toJson());
    }
    if (!custom.isEmpty()) {
      json.put("custom", new LinkedHashMap<>(custom));
    }
    return json;
  }

  private static void putIfPresent(Map<String, Object> json, String name, String value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
