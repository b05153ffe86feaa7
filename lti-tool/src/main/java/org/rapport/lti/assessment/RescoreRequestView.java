package org.rapport.lti.assessment;

import jakarta.validation.constraints.NotNull;
import org.rapport.lti.web.FilledIn;

/**
 * What to re-score: answers given to {@code instrument} version {@code fromVersion}, scored again
 * with {@code toVersion}. The versions are checked once the instrument is named ({@link Versions}),
 * whether they are installed afterwards, every problem at once.
 */
public record RescoreRequestView(
    @FilledIn(
            max = Integer.MAX_VALUE,
            message = "give the instrument id, e.g. rapport-empathy.",
            tooLong = "give the instrument id, e.g. rapport-empathy.")
        String instrument,
    @NotNull(groups = RescoreRequestView.Versions.class, message = "give a version number.")
        Integer fromVersion,
    @NotNull(groups = RescoreRequestView.Versions.class, message = "give a version number.")
        Integer toVersion) {

  /** The constraints on the versions, checked when the instrument is named. */
  public interface Versions {}
}
