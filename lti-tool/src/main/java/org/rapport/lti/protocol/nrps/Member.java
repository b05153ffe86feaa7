package org.rapport.lti.protocol.nrps;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a context (NRPS 2.0 §2.4.1): the platform's {@code user_id} (the same value as the
 * {@code sub} of that user's launches), roles, status and, when the platform shares them, name and
 * email. {@link #toString()} leaves out name and email.
 *
 * @param status {@code Active} when the platform says nothing; {@code Inactive} or {@code Deleted}
 *     otherwise
 */
public record Member(
    String userId,
    List<String> roles,
    String status,
    Optional<String> name,
    Optional<String> email) {
  public static final String ACTIVE = "Active";

  public Member {
    Objects.requireNonNull(userId, "userId");
    roles = List.copyOf(roles);
    status = status == null || status.isBlank() ? ACTIVE : status;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  public boolean active() {
    return ACTIVE.equalsIgnoreCase(status);
  }

  /** Reads one element of {@code members}; empty when it has no usable {@code user_id}. */
  static Optional<Member> fromJson(Map<?, ?> json) {
    Object userId = json.get("user_id");
    if (!(userId instanceof String id) || id.isBlank()) {
      return Optional.empty();
    }
    List<String> roles =
        json.get("roles") instanceof List<?> list
            ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
            : List.of();
    return Optional.of(
        new Member(
            id,
            roles,
            text(json.get("status")).orElse(ACTIVE),
            text(json.get("name"))
                .or(
                    () -> {
                      String given = text(json.get("given_name")).orElse("");
                      String family = text(json.get("family_name")).orElse("");
                      String full = (given + " " + family).strip();
                      return full.isEmpty() ? Optional.empty() : Optional.of(full);
                    }),
            text(json.get("email"))));
  }

  private static Optional<String> text(Object value) {
    return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
  }

  @Override
  public String toString() {
    return "Member[userId=" + userId + ", roles=" + roles + ", status=" + status + "]";
  }
}
