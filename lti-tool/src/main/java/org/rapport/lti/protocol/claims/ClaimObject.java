package org.rapport.lti.protocol.claims;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON-object claim (e.g. {@code context}) with typed, strict access to its members. */
public final class ClaimObject {
  private final String name;
  private final Map<String, Object> members;

  ClaimObject(String name, Map<?, ?> members) {
    this.name = name;
    Map<String, Object> copy = new LinkedHashMap<>();
    members.forEach((key, value) -> copy.put(String.valueOf(key), value));
    this.members = copy;
  }

  public Optional<String> string(String member) {
    return ClaimReader.asString(path(member), members.get(member));
  }

  public Optional<URI> uri(String member) {
    return string(member).map(text -> ClaimReader.asUri(path(member), text));
  }

  /** The member as a list of strings; empty when absent. */
  public List<String> stringList(String member) {
    Object value = members.get(member);
    return value == null ? List.of() : ClaimReader.asStringList(path(member), value);
  }

  /** A boolean member; also accepts the strings "true" and "false" some platforms send. */
  public Optional<Boolean> bool(String member) {
    Object value = members.get(member);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean flag) {
      return Optional.of(flag);
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Optional.of(Boolean.parseBoolean(text));
    }
    throw ClaimReader.invalid(path(member), "is not a boolean");
  }

  /** The raw member, exactly as parsed from the token. */
  public Optional<Object> raw(String member) {
    return Optional.ofNullable(members.get(member));
  }

  public Map<String, Object> members() {
    return java.util.Collections.unmodifiableMap(members);
  }

  private String path(String member) {
    return name + "." + member;
  }
}
