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
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.persistence.DatabaseException;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.session.ServerSecrets;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.SpreadsheetCsv;

/**
 * The institution's research export: every submitted or imported response of a tenant, one row
 * each, with nothing that identifies the student. Students appear under a research id (a keyed hash
 * of Rapport's internal student number, stable across exports so waves can be matched, but not the
 * pseudonymous id of imports and not reversible without Rapport's secret); no names, LMS users,
 * dates or times. Only waves that have closed are exported. Every export is audited.
 */
@ApplicationScoped
public class ResearchExport {
  static final String SECRET = "research-export";

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject ServerSecrets secrets;
  @Inject Instruments instruments;
  @Inject AuditLog audit;
  @Inject RegistrationRepository registrations;
  @Inject org.rapport.lti.settings.RapportSettings settings;

  /**
   * The CSV of a tenant's responses, optionally of one instrument.
   *
   * @throws InvalidRequestException when no existing tenant is named
   */
  @Transactional
  public String csv(Long registrationId, String instrumentId, String admin) {
    if (registrationId == null || registrations.find(registrationId).isEmpty()) {
      throw new InvalidRequestException(
          List.of(
              "registration: give an existing tenant's registration id, e.g. ?registration=1."));
    }
    try {
      return write(registrationId, instrumentId, admin);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private String write(long registrationId, String instrumentId, String admin) throws SQLException {
    Mac mac = mac();
    Set<String> subscales = new LinkedHashSet<>();
    int maxItem = 0;
    for (Instrument i : instruments.catalog().selfReports()) {
      if (instrumentId == null || i.id().value().equals(instrumentId)) {
        for (Subscale s : i.subscales()) {
          subscales.add(s.id().value());
        }
        for (var item : i.items()) {
          maxItem = Math.max(maxItem, item.number());
        }
      }
    }
    SpreadsheetCsv csv = null;
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
      csv = new SpreadsheetCsv(header);
      try (PreparedStatement main =
              c.prepareStatement(
                  "SELECT r.id, r.student_id, co.matriculation_year, w.stage, r.instrument_id,"
                      + " r.instrument_version, r.status, r.score_version, s.status, s.score_value"
                      + from
                      + " JOIN wave w ON w.id = r.wave_id JOIN cohort co ON co.id = w.cohort_id"
                      + " LEFT JOIN assessment_score s ON s.response_id = r.id AND"
                      + " s.scored_with_version = r.score_version"
                      + where
                      + " AND (w.closes_on IS NULL OR w.closes_on < ?)"
                      + " ORDER BY r.id");
          PreparedStatement subs =
              c.prepareStatement(
                  "SELECT x.response_id, x.subscale_id, x.score_value FROM"
                      + " assessment_subscale_score x JOIN assessment_response r ON r.id ="
                      + " x.response_id AND x.scored_with_version = r.score_version JOIN student"
                      + " st ON st.id = r.student_id"
                      + where
                      + " ORDER BY x.response_id");
          PreparedStatement answers =
              c.prepareStatement(
                  "SELECT a.response_id, a.item, a.answer FROM assessment_answer a JOIN"
                      + " assessment_response r ON r.id = a.response_id JOIN student st ON st.id ="
                      + " r.student_id"
                      + where
                      + " ORDER BY a.response_id, a.item")) {
        for (PreparedStatement s : List.of(main, subs, answers)) {
          s.setFetchSize(5000);
          s.setLong(1, registrationId);
          if (instrumentId != null) {
            s.setString(2, instrumentId);
          }
        }
        // Only closed waves: rows appearing one by one while a wave is open would date and
        // single out each new answer.
        main.setDate(instrumentId == null ? 2 : 3, java.sql.Date.valueOf(settings.today()));
        try (ResultSet r = main.executeQuery();
            ResultSet x = subs.executeQuery();
            ResultSet a = answers.executeQuery()) {
          ByResponse subscaleRows = new ByResponse(x);
          ByResponse answerRows = new ByResponse(a);
          while (r.next()) {
            long id = r.getLong(1);
            Map<String, BigDecimal> bySubscale =
                subscaleRows.of(id, rs -> rs.getString(2), rs -> rs.getBigDecimal(3));
            Map<Integer, Integer> items = answerRows.of(id, rs -> rs.getInt(2), rs -> rs.getInt(3));
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
            csv.row(row);
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
    return csv.text();
  }

  /** One value of a result set's current row. */
  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Rows keyed by response id (column 1, ascending), read alongside the responses in id order: rows
   * of responses the export skips are passed over.
   */
  private static final class ByResponse {
    private final ResultSet rows;
    private boolean more;

    ByResponse(ResultSet rows) throws SQLException {
      this.rows = rows;
      this.more = rows.next();
    }

    <K, V> Map<K, V> of(long responseId, Column<K> key, Column<V> value) throws SQLException {
      Map<K, V> found = new TreeMap<>();
      while (more && rows.getLong(1) < responseId) {
        more = rows.next();
      }
      while (more && rows.getLong(1) == responseId) {
        found.put(key.read(rows), value.read(rows));
        more = rows.next();
      }
      return found;
    }
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
