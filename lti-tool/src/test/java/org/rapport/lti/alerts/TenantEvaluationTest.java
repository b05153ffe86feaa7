package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.persistence.SchemaMigrator;
import org.rapport.lti.testdata.AssessmentSeeder;
import org.rapport.lti.testdata.AssessmentSeeder.CohortSpec;
import org.rapport.lti.testdata.AssessmentSeeder.Decline;

/**
 * The evaluation on the real schema (in-memory H2, the shipped migrations): the built-in decline
 * raises exactly its alerts, a second run adds nothing, each alert queues one mail per recipient,
 * and small cohorts raise nothing.
 */
class TenantEvaluationTest {
  private Connection connection;
  private long tenant;

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    new SchemaMigrator().migrate(ds);
    connection = ds.getConnection();
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "INSERT INTO registration (issuer, client_id, name, platform_kind, auth_endpoint,"
              + " jwks_uri, deployment_policy, enabled, created_at, updated_at) VALUES"
              + " ('https://school.example', 'c', 'School', 'OTHER', 'https://school.example/a',"
              + " 'https://school.example/j', 'ACCEPT_ON_FIRST_SIGHT', TRUE, CURRENT_TIMESTAMP,"
              + " CURRENT_TIMESTAMP)");
      try (ResultSet rs = s.executeQuery("SELECT id FROM registration")) {
        rs.next();
        tenant = rs.getLong(1);
      }
    }
  }

  private TenantEvaluation evaluation() {
    return new TenantEvaluation(
        AlertVocabulary.shipped(),
        10,
        id -> "https://rapport.example/app/faculty/cohorts?cohort=" + id,
        java.time.ZoneOffset.UTC);
  }

  @Test
  void theBuiltInDeclineRaisesItsAlertsOnceAndQueuesOneMailEach() throws Exception {
    mailTheDean();
    try (AssessmentSeeder seeder = new AssessmentSeeder(connection, 1_000_000L)) {
      Random random = new Random(7);
      seeder.cohort(
          tenant, new CohortSpec(2021, 160, 4, 0.25, new Decline("affective", 3, 4)), random);
      seeder.cohort(tenant, new CohortSpec(2022, 160, 4, 0.25), random);
      seeder.cohort(
          tenant, new CohortSpec(2023, 8, 4, 0.0, new Decline("affective", 3, 9)), random);
    }
    assertTrue(LastEvaluation.find(connection, tenant).isEmpty(), "not evaluated yet");
    TenantEvaluation.Result first =
        evaluation().run(connection, tenant, Instant.now(), "import 7 finished");
    assertEquals(4, first.raised());
    assertEquals(4, first.mailsQueued());
    LastEvaluation last = LastEvaluation.find(connection, tenant).orElseThrow();
    assertEquals("import 7 finished", last.reason());
    assertEquals(List.of(3, 4, 4), List.of(last.cohorts(), last.findings(), last.raised()));

    List<StoredAlert> alerts = AlertRepository.list(connection, tenant, null);
    Set<String> keys =
        alerts.stream()
            .map(a -> a.measure() + " " + a.fromStage() + ">" + a.toStage() + " " + a.comparison())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "affective Y2>Y3 PREVIOUS_WAVE",
            "affective MATRICULATION>Y3 BASELINE",
            "total Y2>Y3 PREVIOUS_WAVE",
            "total MATRICULATION>Y3 BASELINE"),
        keys);
    for (StoredAlert a : alerts) {
      assertEquals(2021, a.matriculationYear());
      assertTrue(a.ciUpper() < 0);
      assertTrue(a.effectSize() <= -0.3);
      assertTrue(a.current().responseRate() > 0.6 && a.current().responseRate() <= 1);
      assertFalse(a.recommendedModules().isEmpty());
    }

    TenantEvaluation.Result second =
        evaluation().run(connection, tenant, Instant.now(), "hourly schedule");
    assertEquals(0, second.raised());
    assertEquals(
        "hourly schedule 0",
        LastEvaluation.find(connection, tenant).map(l -> l.reason() + " " + l.raised()).get());
    assertEquals(0, second.mailsQueued());
    assertEquals(4, AlertRepository.list(connection, tenant, null).size());
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT alert_id) FROM mail_outbox");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      assertEquals(4, rs.getInt(1));
      assertEquals(4, rs.getInt(2));
    }
    try (PreparedStatement s = connection.prepareStatement("SELECT body FROM mail_outbox");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        assertTrue(
            rs.getString(1).contains(AlertVocabulary.FORMATIVE_CAVEAT),
            "the mail says the figures come from the formative tool: " + rs.getString(1));
      }
    }
  }

  /**
   * The seeded answers are to Rapport's own formative instrument: with the rule set to validated
   * instruments only, the same decline that raises four alerts above raises none and mails no one.
   */
  @Test
  void aRuleForValidatedInstrumentsOnlyRaisesNoAlertOnTheFormativeInstrument() throws Exception {
    AlertRules.save(
        connection,
        tenant,
        new RuleSettings(
            RuleSettings.defaults().rule().withValidatedOnly(true),
            List.of("dean@school.example"),
            true,
            true),
        "test",
        Instant.now());
    assertTrue(AlertRules.load(connection, tenant).rule().validatedOnly(), "stored and read back");
    try (AssessmentSeeder seeder = new AssessmentSeeder(connection, 1_000_000L)) {
      Random random = new Random(7);
      seeder.cohort(
          tenant, new CohortSpec(2021, 160, 4, 0.25, new Decline("affective", 3, 4)), random);
      seeder.cohort(tenant, new CohortSpec(2022, 160, 4, 0.25), random);
    }

    TenantEvaluation.Result result =
        evaluation().run(connection, tenant, Instant.now(), "import 8 finished");

    assertEquals(2, result.cohorts());
    assertEquals(0, result.raised());
    assertEquals(0, result.mailsQueued());
    assertEquals(List.of(), AlertRepository.list(connection, tenant, null));
  }

  @Test
  void acknowledgingAndResolvingFollowTheStates() throws Exception {
    try (AssessmentSeeder seeder = new AssessmentSeeder(connection, 1_000_000L)) {
      seeder.cohort(
          tenant,
          new CohortSpec(2021, 160, 4, 0.25, new Decline("affective", 3, 4)),
          new Random(7));
    }
    evaluation().run(connection, tenant, Instant.now(), "test");
    StoredAlert alert = AlertRepository.list(connection, tenant, null).get(0);
    assertFalse(
        AlertRepository.acknowledge(connection, tenant + 1, alert.id(), "x", Instant.now()));
    assertTrue(AlertRepository.acknowledge(connection, tenant, alert.id(), "Ines", Instant.now()));
    assertFalse(AlertRepository.acknowledge(connection, tenant, alert.id(), "Ines", Instant.now()));
    assertTrue(
        AlertRepository.resolve(
            connection, tenant, alert.id(), "Ines", "Scheduled NURSE practice", Instant.now()));
    StoredAlert resolved = AlertRepository.find(connection, tenant, alert.id()).orElseThrow();
    assertEquals(AlertState.RESOLVED, resolved.state());
    assertEquals("Scheduled NURSE practice", resolved.resolutionNote());
    assertEquals("Ines", resolved.acknowledgedBy());
    assertFalse(
        AlertRepository.resolve(connection, tenant, alert.id(), "Ines", "again", Instant.now()));

    // A resolved alert is not raised again by the next evaluation.
    assertEquals(0, evaluation().run(connection, tenant, Instant.now(), "test").raised());
  }

  /**
   * Imported history is not an emergency: a decline in waves imported without dates, dated by their
   * stage to more than the configured age ago, is filed as a historical finding: stored, never
   * mailed, never counted as open.
   */
  @Test
  void declinesInOldImportedWavesAreFiledAsHistoryAndNotMailed() throws Exception {
    mailTheDean();
    long cohort = classOf2021(4, 3);
    markImported(cohort);
    // Year 3 of the class of 2021 is dated to the end of 2024; two years later it is history.
    TenantEvaluation.Result result =
        evaluation(730).run(connection, tenant, Instant.parse("2027-03-01T00:00:00Z"), "import");

    assertEquals(4, result.findings());
    assertEquals(0, result.raised());
    assertEquals(0, result.mailsQueued());
    List<StoredAlert> alerts = AlertRepository.list(connection, tenant, null);
    assertEquals(4, alerts.size());
    assertTrue(alerts.stream().allMatch(StoredAlert::historical), alerts.toString());
    assertTrue(alerts.stream().noneMatch(StoredAlert::needsAttention));
    assertEquals(java.util.Map.of(), AlertRepository.openCounts(connection, tenant));
  }

  @Test
  void theSameImportedDeclineWithinTheAgeIsAnOpenAlertAndMailed() throws Exception {
    mailTheDean();
    long cohort = classOf2021(4, 3);
    markImported(cohort);
    TenantEvaluation.Result result =
        evaluation(730).run(connection, tenant, Instant.parse("2025-03-01T00:00:00Z"), "import");

    assertEquals(4, result.raised());
    assertEquals(4, result.mailsQueued());
    assertTrue(
        AlertRepository.list(connection, tenant, null).stream()
            .allMatch(StoredAlert::needsAttention));
    assertEquals(java.util.Map.of(cohort, 4), AlertRepository.openCounts(connection, tenant));
  }

  /** A cohort whose Year 4 (after which residency begins) was imported has graduated. */
  @Test
  void aGraduatedCohortsDeclineIsHistoryWhateverItsAge() throws Exception {
    long cohort = classOf2021(5, 3);
    markImported(cohort);
    TenantEvaluation.Result result =
        evaluation(100_000).run(connection, tenant, Instant.parse("2025-03-01T00:00:00Z"), "x");

    assertTrue(result.findings() > 0, result.toString());
    assertEquals(0, result.raised());
    assertTrue(
        AlertRepository.list(connection, tenant, null).stream().allMatch(StoredAlert::historical));
  }

  /**
   * A decline into the graduating wave (Year 4) that Rapport collected itself is the faculty's last
   * word on the class before residency: news, though the cohort has graduated once it closed; the
   * same cohort's earlier comparisons are history.
   */
  @Test
  void aDeclineIntoALiveGraduatingWaveIsNews() throws Exception {
    long cohort = classOf2021(5, 4);
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE wave SET opens_on = ?, closes_on = ? WHERE cohort_id = ?")) {
      s.setObject(1, java.time.LocalDate.parse("2025-01-01"));
      s.setObject(2, java.time.LocalDate.parse("2025-02-01"));
      s.setLong(3, cohort);
      s.executeUpdate();
    }
    TenantEvaluation.Result result =
        evaluation(100_000).run(connection, tenant, Instant.parse("2025-03-01T00:00:00Z"), "x");

    List<StoredAlert> alerts = AlertRepository.list(connection, tenant, null);
    assertTrue(result.raised() > 0, result.toString());
    assertTrue(alerts.stream().anyMatch(a -> a.toStage().equals("Y4")), alerts.toString());
    for (StoredAlert alert : alerts) {
      assertEquals(!alert.toStage().equals("Y4"), alert.historical(), alert.toString());
    }
  }

  private void mailTheDean() throws Exception {
    AlertRules.save(
        connection,
        tenant,
        new RuleSettings(
            RuleSettings.defaults().rule(), List.of("dean@school.example"), true, true),
        "test",
        Instant.now());
  }

  /** The class of 2021 with {@code waves} waves, its affective score 4 points lower from one on. */
  private long classOf2021(int waves, int declineFrom) throws Exception {
    try (AssessmentSeeder seeder = new AssessmentSeeder(connection, 1_000_000L)) {
      return seeder.cohort(
          tenant,
          new CohortSpec(2021, 160, waves, 0.25, new Decline("affective", declineFrom, 4)),
          new Random(7));
    }
  }

  private void markImported(long cohort) throws Exception {
    try (PreparedStatement s =
        connection.prepareStatement("UPDATE wave SET origin = 'IMPORT' WHERE cohort_id = ?")) {
      s.setLong(1, cohort);
      s.executeUpdate();
    }
  }

  private static TenantEvaluation evaluation(long historyDays) {
    return new TenantEvaluation(
        AlertVocabulary.shipped(),
        10,
        id -> null,
        java.time.ZoneOffset.UTC,
        java.time.Duration.ofDays(historyDays));
  }
}
