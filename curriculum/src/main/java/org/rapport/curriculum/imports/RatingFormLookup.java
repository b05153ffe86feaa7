package org.rapport.curriculum.imports;

import java.util.Optional;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * Which rating forms raters of a type fill in, as an import of observed ratings needs to know it.
 * Rater types are the names Rapport stores ({@code PATIENT}, {@code FACULTY}, {@code PEER}; see
 * {@link ObservedColumns#RATER_TYPES}).
 */
public interface RatingFormLookup {

  /** The form a rater of {@code raterType} fills in when a file names none. */
  Optional<InstrumentRef> defaultFor(String raterType);

  /** Whether raters of {@code raterType} fill in {@code form}. */
  boolean ratedBy(Instrument form, String raterType);
}
