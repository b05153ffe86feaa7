package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.modules.ModuleLibrary;
import org.rapport.lti.settings.WellbeingResources;

/**
 * Where a student's results lead: for each part (layer of empathy) of their latest self-assessment
 * the modules that address it, chosen as faculty alerts choose them ({@link
 * AlertVocabulary#recommended}); and, when their total fell since the wave before, a kind note with
 * the institution's own wellbeing resources.
 */
@ApplicationScoped
public class ResultsSupport {
  /**
   * A fall of at least this share of the instrument's possible range counts as falling: smaller
   * moves are within what a second answer on another day gives.
   */
  static final double FALLING_SHARE_OF_RANGE = 0.05;

  @Inject ModuleLibrary library;
  @Inject Instruments instruments;
  @Inject WellbeingResources wellbeing;

  /** A module suggested for a part of the self-assessment. */
  public record ModuleRef(String id, String title) {}

  /** One part of the instrument and the modules that address it. */
  public record PartModules(String label, String description, List<ModuleRef> modules) {}

  /**
   * @param parts each part of the latest self-assessment with its modules; empty without results
   * @param falling the latest total is lower than the one before by a noticeable amount
   * @param offer the institution's wellbeing resources, only when {@code falling}
   */
  public record Support(List<PartModules> parts, boolean falling, WellbeingResources.Offer offer) {
    public static final Support NONE = new Support(List.of(), false, WellbeingResources.Offer.NONE);
  }

  Support of(long registrationId, List<Trajectory> trajectories) {
    Trajectory latest = Trajectory.latest(trajectories);
    if (latest == null) {
      return Support.NONE;
    }
    Trajectory.Point last = latest.points().get(latest.points().size() - 1);
    TrainingPhase phase = last.stage().phaseAfter();
    AlertVocabulary words = new AlertVocabulary(library.catalog(), instruments.catalog());
    Instrument instrument = latest.instrument();
    List<PartModules> parts = new ArrayList<>();
    for (Subscale subscale : instrument.subscales()) {
      List<ModuleRef> modules =
          words.recommended(subscale.id().value(), phase).stream()
              .map(id -> new ModuleRef(id, words.moduleTitle(id)))
              .toList();
      parts.add(new PartModules(subscale.label(), subscale.description(), modules));
    }
    boolean falling = falling(latest);
    return new Support(
        List.copyOf(parts),
        falling,
        falling ? wellbeing.forTenant(registrationId) : WellbeingResources.Offer.NONE);
  }

  /** Whether the last total is lower than the one before by the share of the range above. */
  static boolean falling(Trajectory t) {
    int n = t.points().size();
    if (n < 2) {
      return false;
    }
    BigDecimal before = t.points().get(n - 2).total();
    BigDecimal now = t.points().get(n - 1).total();
    double range = t.instrument().scoreRange().max() - t.instrument().scoreRange().min();
    return before.subtract(now).doubleValue() >= FALLING_SHARE_OF_RANGE * range;
  }
}
