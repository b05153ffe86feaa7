package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.persistence.InsertIfAbsent;

/**
 * Creates a draft response in the caller's transaction. Two first saves of the same student at once
 * (two tabs, a double click) both try; one row goes in, the other insert does nothing, and both
 * requests read that row.
 */
@ApplicationScoped
public class ResponseCreation {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject InsertIfAbsent inserts;

  /** The id of the student's response to the wave, created as an empty draft when there is none. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long create(long registrationId, long studentId, long waveId, InstrumentRef instrument) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("student_id", studentId);
    row.put("wave_id", waveId);
    row.put("instrument_id", instrument.id().value());
    row.put("instrument_version", instrument.version());
    row.put("status", ResponseStatus.DRAFT.name());
    row.put("started_at", now);
    row.put("updated_at", now);
    inserts.insert(
        "assessment_response",
        row,
        List.of("student_id", "wave_id", "instrument_id"),
        registrationId);
    return em.createQuery(
            "select r.id from AssessmentResponse r where r.studentId = :s and r.waveId = :w"
                + " and r.instrumentId = :i",
            Long.class)
        .setParameter("s", studentId)
        .setParameter("w", waveId)
        .setParameter("i", instrument.id().value())
        .getSingleResult();
  }
}
