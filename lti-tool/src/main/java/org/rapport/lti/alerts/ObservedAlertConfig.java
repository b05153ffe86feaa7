package org.rapport.lti.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.curriculum.observed.GapRule;
import org.rapport.curriculum.observed.ObservedAlertRules;

/**
 * The observed-rating alert settings ({@code rapport.alerts.observed.*}). A value that cannot be a
 * rule (a threshold that is not negative, a widening outside 0–100, a minimum below 2) is replaced
 * by the default, with a warning naming the key.
 */
@ApplicationScoped
public class ObservedAlertConfig {
  private static final Logger LOG = Logger.getLogger(ObservedAlertConfig.class.getName());

  @Inject
  @ConfigProperty(name = "rapport.alerts.observed.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "rapport.alerts.observed.effect-size-threshold", defaultValue = "-0.4")
  double effectSizeThreshold;

  @Inject
  @ConfigProperty(name = "rapport.alerts.observed.minimum-n", defaultValue = "10")
  int minimumN;

  @Inject
  @ConfigProperty(name = "rapport.alerts.observed.gap-widening-points", defaultValue = "10")
  double gapWideningPoints;

  @Inject
  @ConfigProperty(name = "rapport.alerts.observed.minimum-double-rated", defaultValue = "10")
  int minimumDoubleRated;

  private ObservedAlerts.Settings settings;

  @PostConstruct
  void init() {
    ObservedAlerts.Settings d = ObservedAlerts.Settings.defaults();
    double threshold = effectSizeThreshold;
    if (!(threshold < 0) || Double.isInfinite(threshold)) {
      warn("effect-size-threshold", threshold, ObservedAlertRules.DECLINE_EFFECT_SIZE_THRESHOLD);
      threshold = d.effectSizeThreshold();
    }
    double widening = gapWideningPoints;
    if (!(widening > 0 && widening <= 100)) {
      warn("gap-widening-points", widening, GapRule.DEFAULT_WIDENING_POINTS);
      widening = d.gapWideningPoints();
    }
    int doubleRated = minimumDoubleRated;
    if (doubleRated < 2) {
      warn("minimum-double-rated", doubleRated, d.minimumDoubleRated());
      doubleRated = d.minimumDoubleRated();
    }
    settings = new ObservedAlerts.Settings(enabled, threshold, minimumN, widening, doubleRated);
  }

  private static void warn(String key, Object value, Object used) {
    LOG.warning(
        () ->
            "rapport.alerts.observed."
                + key
                + " = "
                + value
                + " cannot be used; Rapport uses "
                + used
                + ".");
  }

  public ObservedAlerts.Settings settings() {
    return settings;
  }
}
