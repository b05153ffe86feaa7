package org.rapport.lti.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.lti.assessment.AnswerColumn;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.session.ServerSecrets;

/**
 * The institution's research export: every submitted or imported response of a tenant, one row
 * each, with nothing that identifies the student. Students appear under a research id (a keyed hash
 * of Rapport's internal student number, stable across exports so waves can be matched, but not the
 * pseudonymous id of imports and not reversible without Rapport's secret); no names, LMS users,
 * dates or times. Every export is audited.
 */
@ApplicationScoped
public class ResearchExport {
  static final String SECRET = "research-export";

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject ServerSecrets secrets;
  @Inject Instruments instruments;
  @Inject AuditLog audit;

  /** The CSV of a tenant's responses, optionally of one instrument. */
  @Transactional
  public String csv(long registrationId, String instrumentId, String admin) throws SQLException {
    Mac mac = mac();
    Set<String> subscales = new LinkedHashSet<>();
    int maxItem = 0;
    for (Instrument i : instruments.catalog().all()) {
      if (instrumentId == null || i.id().value().equals(instrumentId)) {
        for (Subscale s : i.subscales()) {
          subscales.add(s.id().value());
        }
        for (var item : i.items()) {
          maxItem = Math.max(maxItem, item.number());
        }
      }
    }
    StringBuilder csv = new StringBuilder();
    int rows = 0;
    try (Connection c = dataSource.getConnection()) {
      String where =
          " WHERE st.registration_id = ? AND r.status <> 'DRAFT'"
              + (instrumentId == null ? "" : " AND r.instrument_id = ?");
      String from = " FROM assessment_response r JOIN student st ON st.id = r.student_id";
      List<String> header =
          new ArrayList<>(
              List.of(
                  "research_id",
                  "cohort",
                  "stage",
                  "instrument",
                  "version",
                  "source",
                  "scored_with_version",
                  "score_status",
                  "total"));
      subscales.forEach(s -> header.add("subscale_" + s));
      for (int i = 1; i <= maxItem; i++) {
        header.add("item_" + i);
      }
      csv.append(String.join(",", header)).append("\r\n");
      try (PreparedStatement main =
              c.prepareStatement(
                  "SELECT r.id, r.student_id, co.matriculation_year, w.stage, r.instrument_id,"
                      + " r.instrument_version, r.status, r.score_version, s.status, s.score_value,"
                      + " r.answers"
                      + from
                      + " JOIN wave w ON w.id = r.wave_id JOIN cohort co ON co.id = w.cohort_id"
                      + " LEFT JOIN assessment_score s ON s.response_id = r.id AND"
                      + " s.scored_with_version = r.score_version"
                      + where
                      + " ORDER BY r.id");
          PreparedStatement subs =
              c.prepareStatement(
                  "SELECT x.response_id, x.subscale_id, x.score_value FROM"
                      + " assessment_subscale_score x JOIN assessment_response r ON r.id ="
                      + " x.response_id AND x.scored_with_version = r.score_version JOIN student"
                      + " st ON st.id = r.student_id"
                      + where
                      + " ORDER BY x.response_id")) {
        for (PreparedStatement s : List.of(main, subs)) {
          s.setFetchSize(5000);
          s.setLong(1, registrationId);
          if (instrumentId != null) {
            s.setString(2, instrumentId);
          }
        }
        try (ResultSet r = main.executeQuery();
            ResultSet x = subs.executeQuery()) {
          boolean xMore = x.next();
          while (r.next()) {
            long id = r.getLong(1);
            Map<Integer, Integer> items = AnswerColumn.decode(r.getString(11));
            Map<String, BigDecimal> bySubscale = new TreeMap<>();
            while (xMore && x.getLong(1) < id) {
              xMore = x.next();
            }
            while (xMore && x.getLong(1) == id) {
              bySubscale.put(x.getString(2), x.getBigDecimal(3));
              xMore = x.next();
            }
            List<String> row = new ArrayList<>();
            row.add(researchId(mac, registrationId, r.getLong(2)));
            row.add(String.valueOf(r.getInt(3)));
            row.add(r.getString(4));
            row.add(r.getString(5));
            row.add(String.valueOf(r.getInt(6)));
            row.add("IMPORTED".equals(r.getString(7)) ? "import" : "rapport");
            int scoreVersion = r.getInt(8);
            row.add(r.wasNull() ? "" : String.valueOf(scoreVersion));
            row.add(r.getString(9) == null ? "" : r.getString(9));
            row.add(number(r.getBigDecimal(10)));
            for (String s : subscales) {
              row.add(number(bySubscale.get(s)));
            }
            for (int i = 1; i <= maxItem; i++) {
              Integer v = items.get(i);
              row.add(v == null ? "" : v.toString());
            }
            csv.append(String.join(",", row)).append("\r\n");
            rows++;
          }
        }
      }
    }
    audit.admin(
        admin,
        AuditAction.RESEARCH_EXPORT,
        registrationId,
        null,
        rows + " responses" + (instrumentId == null ? "" : " to " + instrumentId));
    return csv.toString();
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secrets.bytes(SECRET), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  static String researchId(Mac mac, long registrationId, long studentId) {
    byte[] hash = mac.doFinal((registrationId + ":" + studentId).getBytes(StandardCharsets.UTF_8));
    return "p-" + HexFormat.of().formatHex(hash, 0, 8);
  }

  private static String number(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
