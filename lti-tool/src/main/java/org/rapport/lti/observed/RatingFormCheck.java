package org.rapport.lti.observed;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.rapport.curriculum.instruments.RaterType;

/**
 * Rapport does not start when a configured rating form ({@code rapport.observed.form.*}) is
 * missing, is not a rating form for its kind of rater, or lacks its licensed wording: otherwise the
 * first coordinator to plan an OSCE day would meet the mistake instead of the operator.
 */
@Startup
@Singleton
public class RatingFormCheck {
  private static final Logger LOG = Logger.getLogger(RatingFormCheck.class.getName());

  @Inject RatingForms forms;

  @PostConstruct
  void check() {
    for (RaterType type : RaterType.values()) {
      try {
        LOG.info(() -> type.label() + " raters fill in " + forms.formFor(type) + ".");
      } catch (IllegalStateException e) {
        String problem =
            "Rapport does not start: "
                + e.getMessage()
                + ". Check rapport.observed.form."
                + type.code()
                + " and rapport.instruments.dir.";
        LOG.severe(problem);
        throw new IllegalStateException(problem, e);
      }
    }
  }
}
