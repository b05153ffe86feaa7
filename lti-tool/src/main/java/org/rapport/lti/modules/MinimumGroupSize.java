package org.rapport.lti.modules;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.curriculum.analytics.SmallCellSuppression;

/**
 * The smallest group of students an aggregate may describe ({@value #KEY}, default 10). A setting
 * under the floor of 5 is raised to 5, with a warning, rather than exposing smaller groups.
 */
@ApplicationScoped
public class MinimumGroupSize {
  public static final String KEY = "rapport.privacy.min-group-size";
  private static final Logger LOG = Logger.getLogger(MinimumGroupSize.class.getName());

  @Inject
  @ConfigProperty(name = KEY, defaultValue = "10")
  int configured;

  private SmallCellSuppression rule;

  @PostConstruct
  void init() {
    rule = ruleFor(configured, LOG);
  }

  public SmallCellSuppression rule() {
    return rule;
  }

  static SmallCellSuppression ruleFor(int configured, Logger log) {
    if (configured < SmallCellSuppression.FLOOR) {
      log.warning(
          () ->
              SmallCellSuppression.BELOW_FLOOR
                  + " "
                  + KEY
                  + " is "
                  + configured
                  + "; Rapport uses "
                  + SmallCellSuppression.FLOOR
                  + ".");
      return new SmallCellSuppression(SmallCellSuppression.FLOOR);
    }
    return new SmallCellSuppression(configured);
  }
}
