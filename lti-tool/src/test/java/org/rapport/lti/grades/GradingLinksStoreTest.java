package org.rapport.lti.grades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.persistence.SchemaMigrator;
import org.rapport.lti.testdata.ServiceRows;

/** Which learners of a course finished a module and still lack its score for a link (H2). */
class GradingLinksStoreTest {
  private static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  private static final Instant MORNING = Instant.parse("2026-11-02T09:00:00Z");
  private final GradingLinksStore store = new GradingLinksStore();
  private Connection c;
  private ServiceRows rows;
  private long registration;
  private long course;
  private long link;

  @BeforeEach
  void schema() throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:links-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    new SchemaMigrator().migrate(ds);
    c = ds.getConnection();
    rows = new ServiceRows(c);
    registration = rows.registration("https://lms.example.edu");
    course = rows.course(registration, "c1");
    link = rows.link(course, "graded", "/app/modules/teach-back", AGS + "score", "https://x/li");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private long member(String subject, boolean active) throws SQLException {
    long learner = rows.learner(registration, subject);
    update(
        "INSERT INTO membership (course_id, learner_id, role, role_uris, active, updated_at)"
            + " VALUES (?, ?, 'STUDENT', '', ?, ?)",
        course,
        learner,
        active,
        OffsetDateTime.now(ZoneOffset.UTC));
    return learner;
  }

  private void progress(long learner, String module, Instant completedOrNull) throws SQLException {
    OffsetDateTime started = MORNING.minusSeconds(3600).atOffset(ZoneOffset.UTC);
    update(
        "INSERT INTO module_progress (registration_id, learner_id, course_id, module_id,"
            + " current_step, started_at, updated_at, completed_at) VALUES (?, ?, ?, ?, 'x', ?, ?,"
            + " ?)",
        registration,
        learner,
        course,
        module,
        started,
        started,
        completedOrNull == null ? null : completedOrNull.atOffset(ZoneOffset.UTC));
  }

  private void update(String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private List<Long> finishers() throws SQLException {
    return store
        .finishersWithoutScore(
            c, registration, course, "teach-back", link, "teach-back", "completion")
        .stream()
        .map(GradingLinksStore.Finisher::learnerId)
        .toList();
  }

  @Test
  void learnersWhoFinishedTheModuleAndHaveNoScoreForTheLinkAreFoundOldestFirst() throws Exception {
    long late = member("late", true);
    long early = member("early", true);
    progress(late, "teach-back", MORNING.plusSeconds(600));
    progress(early, "teach-back", MORNING);

    List<GradingLinksStore.Finisher> found =
        store.finishersWithoutScore(
            c, registration, course, "teach-back", link, "teach-back", "completion");

    assertEquals(List.of(early, late), found.stream().map(f -> f.learnerId()).toList());
    assertEquals(MORNING, found.get(0).completedAt());
  }

  @Test
  void learnersStillWorkingFinishedElsewhereOrNoLongerInTheCourseAreLeftOut() throws Exception {
    long working = member("working", true);
    long otherModule = member("other", true);
    long left = member("left", false);
    long stranger = rows.learner(registration, "stranger");
    progress(working, "teach-back", null);
    progress(otherModule, "opening-the-visit", MORNING);
    progress(left, "teach-back", MORNING);
    progress(stranger, "teach-back", MORNING);

    assertTrue(finishers().isEmpty(), finishers().toString());
  }

  @Test
  void aLearnerWhoseScoreForTheLinkIsQueuedOrSentIsLeftOut() throws Exception {
    long scored = member("scored", true);
    long unscored = member("unscored", true);
    progress(scored, "teach-back", MORNING);
    progress(unscored, "teach-back", MORNING);
    new ScoreOutboxStore()
        .enqueue(
            c,
            new NewScore(
                registration,
                link,
                scored,
                "teach-back",
                "completion",
                "Teach-back",
                1.0,
                1.0,
                "Completed",
                "FullyGraded",
                MORNING),
            MORNING);

    assertEquals(List.of(unscored), finishers());
  }
}
