package org.rapport.lti.observed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an observed encounter took place. */
public enum EncounterSetting {
  OSCE_STATION("OSCE station"),
  SP_PRACTICE("Standardized-patient practice"),
  CLERKSHIP("Clerkship encounter"),
  PEER_ROLE_PLAY("Peer role-play");

  private final String label;

  EncounterSetting(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The code used in forms and CSV files, e.g. {@code osce-station}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<EncounterSetting> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.code().equals(wanted)).findFirst();
  }
}
