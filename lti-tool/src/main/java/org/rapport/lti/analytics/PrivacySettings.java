package org.rapport.lti.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.lti.modules.MinimumGroupSize;

/**
 * The installation's small-cell rule, {@code rapport.privacy.min-group-size} (default 10; a value
 * under 5 is raised to 5, see {@link MinimumGroupSize}): no aggregate of fewer students is shown,
 * exported, charted or mailed. A tenant's alert rule may raise it, never lower it.
 */
@ApplicationScoped
public class PrivacySettings {
  @Inject MinimumGroupSize installation;

  public int minimumGroupSize() {
    return installation.rule().minimumGroupSize();
  }
}
