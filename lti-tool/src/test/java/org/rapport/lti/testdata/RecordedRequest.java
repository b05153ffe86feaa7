package org.rapport.lti.testdata;

import java.util.List;
import java.util.Map;

/** A request the test LMS received: method, path, raw query, headers (lower-case names), body. */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, String body) {

  /** The first value of the header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
