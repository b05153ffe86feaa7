package org.rapport.lti.assessment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.lti.settings.RapportSettings;

/**
 * Refuses to start with a minimum group size below the floor of 5: smaller groups could identify
 * individual students, and no setting may allow that.
 */
@Startup
@Singleton
public class PrivacyStartupCheck {
  private static final Logger LOG = Logger.getLogger(PrivacyStartupCheck.class.getName());

  @Inject RapportSettings settings;

  @PostConstruct
  void check() {
    int n = settings.minGroupSize();
    if (n < SmallCellSuppression.FLOOR) {
      String message =
          "Rapport cannot start: rapport.privacy.min-group-size is "
              + n
              + ". "
              + SmallCellSuppression.BELOW_FLOOR;
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
    LOG.info(() -> "Aggregates of fewer than " + n + " students are never shown.");
  }
}
