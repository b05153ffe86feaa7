package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * Creates a draft response in a transaction of its own. Two first saves of the same student at once
 * (two tabs, a double click) both try; the unique constraint lets one row in and the other request
 * reads it.
 */
@ApplicationScoped
public class ResponseCreation {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long create(long studentId, long waveId, InstrumentRef instrument) {
    AssessmentResponse response =
        new AssessmentResponse(studentId, waveId, instrument, OffsetDateTime.now(ZoneOffset.UTC));
    em.persist(response);
    em.flush();
    return response.getId();
  }
}
