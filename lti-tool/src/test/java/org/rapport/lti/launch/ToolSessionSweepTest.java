package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.persistence.SchemaMigrator;
import org.rapport.lti.testdata.ServiceRows;

/**
 * The session sweep's SQL on the migrated schema (H2): it deletes sessions that ended or were last
 * used before the cutoff and keeps those in use since.
 */
class ToolSessionSweepTest {
  private static final Instant CUTOFF = Instant.parse("2026-12-03T10:00:00Z");
  private Connection c;
  private long registration;
  private long course;
  private long learner;

  @BeforeEach
  void schema() throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    new SchemaMigrator().migrate(ds);
    c = ds.getConnection();
    ServiceRows rows = new ServiceRows(c);
    registration = rows.registration("https://lms.example.edu");
    course = rows.course(registration, "c1");
    learner = rows.learner(registration, "u1");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void sessionsEndedOrUnusedBeforeTheCutoffAreDeletedAndOthersKept() throws SQLException {
    long idle = session("2026-12-01T08:00:00Z", null);
    long ended = session("2026-12-03T11:00:00Z", "2026-12-03T09:59:00Z");
    long inUse = session("2026-12-04T11:30:00Z", null);
    long endedRecently = session("2026-12-04T11:00:00Z", "2026-12-04T11:05:00Z");
    long idleJustAfter = session("2026-12-03T10:00:01Z", null);

    int deleted;
    try (PreparedStatement sweep = c.prepareStatement(ToolSessions.SWEEP)) {
      sweep.setObject(1, OffsetDateTime.ofInstant(CUTOFF, ZoneOffset.UTC));
      sweep.setObject(2, OffsetDateTime.ofInstant(CUTOFF, ZoneOffset.UTC));
      deleted = sweep.executeUpdate();
    }

    assertEquals(2, deleted, "the idle session " + idle + " and the ended one " + ended);
    assertEquals(List.of(inUse, endedRecently, idleJustAfter), remaining());
  }

  private long session(String lastSeen, String endedAt) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO tool_session (registration_id, learner_id, course_id, role, created_at,"
                + " last_seen_at, ended_at) VALUES (?, ?, ?, 'STUDENT', ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      OffsetDateTime seen = OffsetDateTime.parse(lastSeen);
      insert.setLong(1, registration);
      insert.setLong(2, learner);
      insert.setLong(3, course);
      insert.setObject(4, seen.minusMinutes(5));
      insert.setObject(5, seen);
      insert.setObject(6, endedAt == null ? null : OffsetDateTime.parse(endedAt));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private List<Long> remaining() throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id FROM tool_session ORDER BY id")) {
      while (r.next()) {
        ids.add(r.getLong(1));
      }
    }
    return ids;
  }
}
