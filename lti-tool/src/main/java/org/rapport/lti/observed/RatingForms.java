package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.lti.instruments.Instruments;

/**
 * Which rating form each kind of rater fills in: {@code
 * rapport.observed.form.<patient|faculty|peer>} as {@code <id>:<version>} (an institution's
 * licensed form, say), else Rapport's own forms: {@code rapport-observed-patient} for patients,
 * {@code rapport-observed-observer} for faculty and peers. A configured form must exist and be a
 * rating form for that kind of rater.
 */
@ApplicationScoped
public class RatingForms {
  static final InstrumentRef PATIENT_FORM = InstrumentRef.of("rapport-observed-patient", 1);
  static final InstrumentRef OBSERVER_FORM = InstrumentRef.of("rapport-observed-observer", 1);

  @Inject Instruments instruments;

  /** The form a new rater of {@code type} is given. */
  public InstrumentRef formFor(RaterType type) {
    Optional<String> configured =
        ConfigProvider.getConfig()
            .getOptionalValue("rapport.observed.form." + type.code(), String.class);
    InstrumentRef ref =
        configured
            .map(RatingForms::parse)
            .orElse(type == RaterType.PATIENT ? PATIENT_FORM : OBSERVER_FORM);
    Instrument form =
        instruments
            .find(ref)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Rating form " + ref + " for " + type.code() + " raters is not installed"));
    if (!form.ratedBy().contains(type)) {
      throw new IllegalStateException(
          "Instrument " + ref + " is not a rating form for " + type.code() + " raters");
    }
    form.textsMissingReason()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(
                  "Rating form " + ref + " for " + type.code() + " raters: " + reason);
            });
    return ref;
  }

  /** The definition of a form a rater was given. */
  public Instrument definition(InstrumentRef ref) {
    return instruments.get(ref);
  }

  private static InstrumentRef parse(String value) {
    int colon = value.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalStateException(
          "A rating form is configured as <id>:<version>, not '" + value + "'");
    }
    return InstrumentRef.of(
        value.substring(0, colon).trim(), Integer.parseInt(value.substring(colon + 1).trim()));
  }
}
