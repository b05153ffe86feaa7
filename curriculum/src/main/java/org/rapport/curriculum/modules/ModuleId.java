package org.rapport.curriculum.modules;

import java.util.Objects;
import java.util.regex.Pattern;

/** A module's identity: lowercase words joined by hyphens, equal to its file name. */
public record ModuleId(String value) {

  static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public ModuleId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "A module id is lowercase words joined by hyphens, not '" + value + "'");
    }
  }

  public static ModuleId of(String value) {
    return new ModuleId(value);
  }

  public static boolean isValid(String value) {
    return value != null && KEBAB_CASE.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
