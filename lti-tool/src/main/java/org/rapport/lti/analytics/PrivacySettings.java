package org.rapport.lti.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.lti.settings.RapportSettings;

/**
 * The installation's small-cell rule, {@code rapport.privacy.min-group-size} (default 10; Rapport
 * refuses to start below 5): no aggregate of fewer students is shown, exported, charted or mailed.
 * A tenant's alert rule may raise it, never lower it.
 */
@ApplicationScoped
public class PrivacySettings {
  @Inject RapportSettings settings;

  public int minimumGroupSize() {
    return Math.max(SmallCellSuppression.FLOOR, settings.minGroupSize());
  }
}
