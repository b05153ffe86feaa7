package org.rapport.curriculum.imports;

import java.util.Optional;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;

/**
 * The rating form a rater of each type fills in when an import file names none: the tenant's
 * configured form, or Rapport's shipped one ({@link #SHIPPED}).
 */
@FunctionalInterface
public interface RatingFormLookup {

  /** Rapport's own observed-communication form for the patient's view, version 1. */
  InstrumentRef PATIENT_FORM = InstrumentRef.of("rapport-observed-patient", 1);

  /** Rapport's own observed-communication form for an observer's view, version 1. */
  InstrumentRef OBSERVER_FORM = InstrumentRef.of("rapport-observed-observer", 1);

  /** Patients fill in {@link #PATIENT_FORM}; faculty and peers {@link #OBSERVER_FORM}. */
  RatingFormLookup SHIPPED =
      type -> Optional.of(type == RaterType.PATIENT ? PATIENT_FORM : OBSERVER_FORM);

  /** The form a rater of {@code type} fills in when a file names none. */
  Optional<InstrumentRef> defaultFor(RaterType type);
}
