package org.rapport.lti.grades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.persistence.SchemaMigrator;
import org.rapport.lti.testdata.ServiceRows;

/** The outbox SQL on H2 (the PostgreSQL variant runs in the integration tests). */
class ScoreOutboxStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  private final ScoreOutboxStore store = new ScoreOutboxStore();
  private JdbcDataSource ds;
  private Connection c;
  private long registration;
  private long link;
  private long learner;
  private long otherLearner;

  @BeforeEach
  void schema() throws SQLException {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    new SchemaMigrator().migrate(ds);
    c = ds.getConnection();
    ServiceRows rows = new ServiceRows(c);
    registration = rows.registration("https://lms.example.edu");
    long course = rows.course(registration, "c1");
    link =
        rows.link(
            course,
            "l1",
            "/app/modules/teach-back",
            AGS + "score " + AGS + "lineitem",
            "https://x/li");
    learner = rows.learner(registration, "u1");
    otherLearner = rows.learner(registration, "u2");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private NewScore completion(long who, Instant at) {
    return new NewScore(
        registration,
        link,
        who,
        "teach-back",
        "completion",
        "Teach-back",
        1.0,
        1.0,
        "Completed",
        "FullyGraded",
        at);
  }

  @Test
  void timestampsOnlyIncreaseAndANewerScoreSupersedesTheWaitingOne() throws SQLException {
    Instant t = Instant.parse("2030-01-01T10:00:00.123456Z");
    Instant now = t.plusSeconds(1);
    store.enqueue(c, completion(learner, t), now);
    store.enqueue(c, completion(learner, t), now);
    store.enqueue(c, completion(learner, t.minusSeconds(60)), now);
    store.enqueue(c, completion(otherLearner, t), now);
    List<QueuedScore> claimed = store.claim(c, "w", now, LEASE, 10);
    assertEquals(2, claimed.size(), "one waiting score per learner");
    QueuedScore mine = claimed.stream().filter(q -> q.learnerId() == learner).findFirst().get();
    assertEquals(t.truncatedTo(ChronoUnit.MILLIS).plusMillis(2), mine.timestamp());
    assertEquals("u1", mine.userId());
    assertEquals(2L, store.counts(c, registration).get(ScoreStatus.SUPERSEDED));
  }

  @Test
  void aClaimedRowIsNotClaimedAgainUntilItsLeaseRunsOut() throws SQLException {
    Instant now = Instant.parse("2030-01-01T10:00:00Z");
    for (int i = 0; i < 5; i++) {
      store.enqueue(
          c,
          new NewScore(
              registration,
              link,
              learner,
              "m" + i,
              "completion",
              "M",
              1.0,
              1.0,
              "Completed",
              "FullyGraded",
              now),
          now);
    }
    assertEquals(3, store.claim(c, "a", now, LEASE, 3).size());
    List<QueuedScore> b = store.claim(c, "b", now, LEASE, 10);
    assertEquals(2, b.size());
    assertTrue(store.claim(c, "c", now.plusSeconds(60), LEASE, 10).isEmpty());
    assertTrue(store.delivered(c, b.get(0).id(), "b", "node-1", 200, now));
    List<QueuedScore> late = store.claim(c, "d", now.plus(LEASE).plusSeconds(1), LEASE, 10);
    assertEquals(4, late.size(), "expired leases are taken over; the delivered row is not");
    assertFalse(
        store.delivered(c, late.get(0).id(), "a", "node-1", 200, now),
        "the old claim can no longer write");
    assertFalse(store.renew(c, late.get(0).id(), "a", now, now.plus(LEASE)), "nor renew");
    assertTrue(store.renew(c, late.get(0).id(), "d", now, now.plus(LEASE).plusSeconds(300)));
  }

  @Test
  void anAttemptWhoseAnswerWasNeverRecordedLeavesTheScoreInDoubtUntilDelivered()
      throws SQLException {
    Instant now = Instant.parse("2030-01-01T10:00:00Z");
    store.enqueue(c, completion(learner, now), now);
    QueuedScore first = store.claim(c, "a", now, LEASE, 1).get(0);
    assertFalse(first.inDoubt(), "never attempted");
    store.release(c, first.id(), "a", now);
    assertFalse(store.claim(c, "b", now, LEASE, 1).get(0).inDoubt(), "released unattempted");

    assertTrue(store.renew(c, first.id(), "b", now, now.plus(LEASE)));
    // the worker stops here: the post may have reached the LMS, its answer is not recorded
    Instant later = now.plus(LEASE).plusSeconds(1);
    QueuedScore again = store.claim(c, "c", later, LEASE, 1).get(0);
    assertTrue(again.inDoubt(), "its lease ran out after an attempt began");
    assertTrue(store.renew(c, again.id(), "c", later, later.plus(LEASE)));
    assertTrue(store.retryLater(c, again.id(), "c", later, 0, "The LMS did not answer"));
    QueuedScore timedOut = store.claim(c, "d", later, LEASE, 1).get(0);
    assertTrue(timedOut.inDoubt(), "a post without an answer stays in doubt");
    store.release(c, timedOut.id(), "d", later);
    QueuedScore released = store.claim(c, "e", later, LEASE, 1).get(0);
    assertTrue(released.inDoubt(), "giving it back unattempted keeps the doubt");
    assertTrue(store.delivered(c, released.id(), "e", "node-1", 200, later));

    store.enqueue(c, completion(otherLearner, later), later);
    QueuedScore other = store.claim(c, "f", later, LEASE, 1).get(0);
    assertTrue(store.renew(c, other.id(), "f", later, later.plus(LEASE)));
    assertTrue(store.deadLetter(c, other.id(), "f", 400, "The LMS answered HTTP 400"));
    assertTrue(store.resend(c, other.id(), later));
    assertFalse(
        store.claim(c, "g", later, LEASE, 1).get(0).inDoubt(),
        "a refused post is settled: the resent score is not in doubt");
  }

  @Test
  void deadLettersWaitForAResendAndKeepTheirTimestamp() throws SQLException {
    Instant now = Instant.parse("2030-01-01T10:00:00Z");
    store.enqueue(c, completion(learner, now), now);
    QueuedScore claimed = store.claim(c, "w", now, LEASE, 1).get(0);
    assertTrue(store.deadLetter(c, claimed.id(), "w", 400, "The LMS answered HTTP 400"));
    assertTrue(store.claim(c, "x", now.plusSeconds(3600), LEASE, 1).isEmpty());
    List<ScoreView> dead = store.list(c, registration, ScoreStatus.DEAD_LETTERED, 10);
    assertEquals("The LMS answered HTTP 400", dead.get(0).lastError());
    assertEquals(400, dead.get(0).lastStatus());
    assertTrue(store.resend(c, claimed.id(), now));
    assertFalse(store.resend(c, claimed.id(), now), "only dead letters are resent");
    QueuedScore again = store.claim(c, "y", now, LEASE, 1).get(0);
    assertEquals(claimed.timestamp(), again.timestamp());
    assertEquals(0, again.attempts());
  }

  @Test
  void aPausedRegistrationWaitsAndAReleasedRowCountsNoAttempt() throws SQLException {
    Instant now = Instant.parse("2030-01-01T10:00:00Z");
    store.enqueue(c, completion(learner, now), now);
    store.enqueue(c, completion(otherLearner, now), now);
    QueuedScore probe = store.claim(c, "w", now, LEASE, 1).get(0);
    Instant later = now.plusSeconds(30);
    assertTrue(store.retryLater(c, probe.id(), "w", later, 503, "down"));
    assertEquals(1, store.pause(c, registration, later, now));
    assertTrue(store.claim(c, "x", now.plusSeconds(29), LEASE, 10).isEmpty());
    List<QueuedScore> due = store.claim(c, "y", later, LEASE, 10);
    assertEquals(2, due.size());
    QueuedScore other = due.stream().filter(q -> q.id() != probe.id()).findFirst().get();
    assertTrue(store.release(c, other.id(), "y", later));
    assertEquals(1, due.stream().filter(q -> q.id() == probe.id()).findFirst().get().attempts());
    assertEquals(
        0,
        store.claim(c, "z", later, LEASE, 10).stream()
            .filter(q -> q.id() == other.id())
            .findFirst()
            .get()
            .attempts());
  }

  @Test
  void concurrentWorkersNeverClaimTheSameRow() throws Exception {
    Instant now = Instant.parse("2030-01-01T10:00:00Z");
    for (int i = 0; i < 200; i++) {
      store.enqueue(
          c,
          new NewScore(
              registration,
              link,
              learner,
              "m" + i,
              "completion",
              "M",
              1.0,
              1.0,
              "Completed",
              "FullyGraded",
              now),
          now);
    }
    List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService workers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      done.add(
          workers.submit(
              () -> {
                try (Connection own = ds.getConnection()) {
                  while (true) {
                    List<QueuedScore> batch =
                        store.claim(own, UUID.randomUUID().toString(), now, LEASE, 7);
                    if (batch.isEmpty()) {
                      return null;
                    }
                    batch.forEach(q -> claimed.add(q.id()));
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    workers.shutdown();
    Set<Long> distinct = new HashSet<>(claimed);
    assertEquals(200, claimed.size());
    assertEquals(200, distinct.size());
  }

  @Test
  void onlyTheCoursesLinksToThePageWithTheScoreScopeGrade() throws SQLException {
    ServiceRows rows = new ServiceRows(c);
    long course = rows.single("SELECT course_id FROM resource_link WHERE id = ?", link);
    rows.link(course, "l2", "/app/modules/teach-back", AGS + "lineitem.readonly", "https://x/li");
    rows.link(course, "l3", "/app/modules/opening-the-visit", AGS + "score", "https://x/li");
    long other = rows.registration("https://other.example.edu");
    long otherCourse = rows.course(other, "c1");
    rows.link(otherCourse, "l1", "/app/modules/teach-back", AGS + "score", "https://y/li");
    GradingLinksStore links = new GradingLinksStore();
    List<GradingLink> grading = new ArrayList<>();
    grading.addAll(links.linksTo(c, registration, course, "/app/modules/teach-back"));
    assertEquals(List.of("l1"), grading.stream().map(GradingLink::linkId).toList());
    assertTrue(links.linksTo(c, other, course, "/app/modules/teach-back").isEmpty(), "tenant");
  }
}
