package org.rapport.lti.instruments;

import java.util.List;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.RaterType;

/**
 * An instrument as the admin API shows it: never its item texts. {@code ratedBy} names who fills in
 * a rating form (patient, faculty, peer); it is empty for a self-report.
 */
public record InstrumentView(
    String id,
    int version,
    String title,
    String shortTitle,
    String kind,
    String licence,
    int items,
    List<String> subscales,
    int scaleMin,
    int scaleMax,
    boolean schedulable,
    String unschedulableReason,
    List<String> ratedBy) {

  public static InstrumentView of(Instrument i) {
    return new InstrumentView(
        i.id().value(),
        i.version(),
        i.title(),
        i.shortTitle(),
        i.kind().yamlName(),
        i.licence(),
        i.items().size(),
        i.subscales().stream().map(s -> s.id().value()).toList(),
        i.scale().min(),
        i.scale().max(),
        i.schedulable(),
        i.unschedulableReason().orElse(null),
        i.ratedBy().stream().map(RaterType::code).toList());
  }
}
