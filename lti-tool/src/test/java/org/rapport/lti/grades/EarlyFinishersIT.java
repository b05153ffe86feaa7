package org.rapport.lti.grades;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.ModuleWalker;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * A student who finished a module before the course had a graded link for it gets the completion in
 * the LMS's gradebook when the link is first launched, exactly once, however often the link is
 * launched afterwards and even when two launches arrive at the same moment.
 */
@ExtendWith(ArquillianExtension.class)
class EarlyFinishersIT {
  private static final String COURSE = "early-course";
  private static final String MODULE_PAGE = "/app/modules/teach-back";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void anEarlyFinishersCompletionReachesTheGradebookOnceWhenTheGradedLinkIsFirstLaunched()
      throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      HttpResponse<String> created =
          rapport.adminPost(
              "/api/admin/registrations", platform.registrationJson("Early finishers LMS"));
      assertEquals(201, created.statusCode(), created.body());
      long registration = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
      platform.roster(COURSE, LtiTestPlatform.members("e", 3));

      // e-1 finishes teach-back through a link that may not send grades (no AGS claim at all).
      LtiTestPlatform.Launched early =
          platform.launch(
              rapport,
              LaunchSpec.resourceLink(
                      "e-1", LtiTestPlatform.LEARNER, COURSE, "e-plain", MODULE_PAGE)
                  .withAgsScopes(null));
      Module module = ModuleCatalog.load(null).find(ModuleId.of("teach-back")).orElseThrow();
      new ModuleWalker(rapport, early.session()).complete(module);
      // e-2 starts it and stops half-way.
      LtiTestPlatform.Launched halfway =
          platform.launch(
              rapport,
              LaunchSpec.resourceLink(
                      "e-2", LtiTestPlatform.LEARNER, COURSE, "e-plain", MODULE_PAGE)
                  .withAgsScopes(null));
      ModuleWalker walker = new ModuleWalker(rapport, halfway.session());
      assertEquals(303, walker.finish(module, module.steps().get(0)).statusCode());
      assertEquals(0L, counts(rapport, registration).get("queued"), "nothing to grade yet");
      assertTrue(platform.scores().isEmpty());

      // The instructor adds a graded column for teach-back; its link is launched for the first
      // time by two people at the same moment.
      LtiTestPlatform.LineItemRecord column =
          platform.createLineItem(COURSE, "Teach-back", "e-graded", null, null);
      LaunchSpec instructor =
          LaunchSpec.resourceLink(
                  "e-50", LtiTestPlatform.INSTRUCTOR, COURSE, "e-graded", MODULE_PAGE)
              .withLineItem(column.id());
      LaunchSpec student =
          LaunchSpec.resourceLink("e-3", LtiTestPlatform.LEARNER, COURSE, "e-graded", MODULE_PAGE)
              .withLineItem(column.id());
      CompletableFuture<LtiTestPlatform.Launched> one =
          CompletableFuture.supplyAsync(() -> platform.launch(rapport, instructor));
      CompletableFuture<LtiTestPlatform.Launched> two =
          CompletableFuture.supplyAsync(() -> platform.launch(rapport, student));
      CompletableFuture.allOf(one, two).get();

      await("the early finisher's completion in the gradebook")
          .atMost(Duration.ofSeconds(60))
          .until(() -> !platform.scores().isEmpty());
      await("delivered and recorded")
          .atMost(Duration.ofSeconds(60))
          .until(() -> counts(rapport, registration).get("delivered") == 1L);

      // Launched again, and by the early finisher.
      platform.launch(rapport, instructor);
      platform.launch(
          rapport,
          LaunchSpec.resourceLink("e-1", LtiTestPlatform.LEARNER, COURSE, "e-graded", MODULE_PAGE)
              .withLineItem(column.id()));
      // Each launch has queued what it was going to before its answer; nothing is waiting now.
      Map<String, Long> after = counts(rapport, registration);
      assertEquals(0L, after.get("queued"), after.toString());
      assertEquals(1L, after.get("delivered"), after.toString());

      List<LtiTestPlatform.ScoreRecord> scores = platform.scores();
      assertEquals(1, scores.size(), scores.toString());
      assertEquals("e-1", scores.get(0).userId());
      assertEquals(column.id(), scores.get(0).lineItemId());
      assertEquals("Completed", scores.get(0).json().get("activityProgress"));
      assertEquals("FullyGraded", scores.get(0).json().get("gradingProgress"));
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }

  /** The registration's score outbox counts: queued, delivered, dead-lettered and superseded. */
  private static Map<String, Long> counts(RapportClient rapport, long registration)
      throws Exception {
    HttpResponse<String> answer =
        rapport.adminGet("/api/admin/scores/registrations/" + registration);
    assertEquals(200, answer.statusCode(), answer.body());
    Map<?, ?> counts = (Map<?, ?>) JSONObjectUtils.parse(answer.body()).get("counts");
    Map<String, Long> values = new TreeMap<>();
    for (String name : List.of("queued", "delivered", "deadLettered", "superseded")) {
      values.put(name, ((Number) counts.get(name)).longValue());
    }
    return values;
  }
}
