package org.rapport.lti.console;

import java.util.List;

/**
 * The API page: the operations of the document at {@code /openapi} grouped by tag, or why the
 * document could not be read.
 *
 * @param problem why the document could not be read, or null
 */
public record ApiDocsPage(String title, String version, List<Tag> tags, String problem) {
  boolean empty() {
    return tags.isEmpty();
  }

  /** A group of operations, as the document tags them; {@code anchor} links to it. */
  public record Tag(String anchor, String name, String description, List<Operation> operations) {}

  /** One operation: method, path, what it does, what it takes and what it answers. */
  public record Operation(
      String method,
      String path,
      String summary,
      List<Parameter> parameters,
      String requestBody,
      String responses) {
    boolean hasParameters() {
      return !parameters.isEmpty();
    }
  }

  /** A parameter in the path, the query or a header. */
  public record Parameter(String name, String in, boolean required, String type) {}
}
