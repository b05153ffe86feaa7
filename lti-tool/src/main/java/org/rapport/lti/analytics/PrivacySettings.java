package org.rapport.lti.analytics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.curriculum.analytics.SmallCellSuppression;

/**
 * The installation's small-cell rule, {@code rapport.privacy.min-group-size} (default 10): no
 * aggregate of fewer students is shown, exported, charted or mailed. A configured value below 5 is
 * raised to 5 (the floor no setting may go under) and said so in the log.
 */
@ApplicationScoped
public class PrivacySettings {
  private static final Logger LOG = Logger.getLogger(PrivacySettings.class.getName());

  @Inject
  @ConfigProperty(name = "rapport.privacy.min-group-size", defaultValue = "10")
  int configured;

  private int minimumGroupSize;

  @PostConstruct
  void init() {
    minimumGroupSize = effective(configured);
    if (minimumGroupSize != configured) {
      LOG.severe(
          SmallCellSuppression.BELOW_FLOOR
              + " rapport.privacy.min-group-size="
              + configured
              + " is used as "
              + minimumGroupSize
              + ".");
    }
  }

  /** The configured size, never below {@link SmallCellSuppression#FLOOR}. */
  public static int effective(int configured) {
    return Math.max(SmallCellSuppression.FLOOR, configured);
  }

  public int minimumGroupSize() {
    return minimumGroupSize;
  }
}
