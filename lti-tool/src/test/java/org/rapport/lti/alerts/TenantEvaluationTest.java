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
        id -> "https://rapport.example/app/faculty/cohorts?cohort=" + id);
  }

  @Test
  void theBuiltInDeclineRaisesItsAlertsOnceAndQueuesOneMailEach() throws Exception {
    AlertRules.save(
        connection,
        tenant,
        new RuleSettings(
            RuleSettings.defaults().rule(), List.of("dean@school.example"), true, true),
        "test",
        Instant.now());
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
}
