package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed ratings of a student's encounters, for the export of their data: where and when, the
 * kind of rater (never who), the scores and the comment. The student's own download holds only what
 * has been released to them; an administrator's export for an access request holds all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StudentRatings {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  List<StudentData.RatingPart> of(long studentId, boolean releasedOnly) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT o.id, s.title, s.setting, s.held_on, e.station, r.rater_type, o.status,"
                    + " o.score_value, o.comment, r.form_id, r.form_version,"
                    + " CASE WHEN s.released_at IS NOT NULL THEN 1 ELSE 0 END"
                    + " FROM observed_rating o JOIN encounter_rater r ON r.id = o.rater_id"
                    + " JOIN encounter e ON e.id = r.encounter_id"
                    + " JOIN encounter_session s ON s.id = e.session_id"
                    + " WHERE e.student_id = ?1"
                    + (releasedOnly
                        ? " AND (s.released_at IS NOT NULL OR s.origin = 'PEER_REQUEST')"
                        : "")
                    + " ORDER BY s.held_on, e.station, o.id")
            .setParameter(1, studentId)
            .getResultList();
    List<StudentData.RatingPart> ratings = new ArrayList<>();
    for (Object row : rows) {
      Object[] c = (Object[]) row;
      long ratingId = ((Number) c[0]).longValue();
      ratings.add(
          new StudentData.RatingPart(
              (String) c[1],
              (String) c[2],
              day(c[3]).toString(),
              (String) c[4],
              (String) c[5],
              (String) c[9] + " v" + ((Number) c[10]).intValue(),
              (String) c[6],
              (BigDecimal) c[7],
              subscales(ratingId),
              (String) c[8],
              ((Number) c[11]).intValue() == 1));
    }
    return ratings;
  }

  private Map<String, BigDecimal> subscales(long ratingId) {
    Map<String, BigDecimal> subscales = new LinkedHashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT subscale_id, score_value FROM observed_rating_subscale WHERE rating_id = ?1"
                    + " ORDER BY subscale_id")
            .setParameter(1, ratingId)
            .getResultList()) {
      Object[] c = (Object[]) row;
      subscales.put((String) c[0], (BigDecimal) c[1]);
    }
    return subscales;
  }

  private static LocalDate day(Object value) {
    return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
  }
}
