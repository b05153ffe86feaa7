package org.rapport.lti.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.ModuleWalker;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * LTI Advantage services against a test platform over real HTTP: deep linking (content selection
 * and the signed response, also in a headless Chromium), completion scores from the player and the
 * self-assessment, a score in doubt checked in the gradebook before it is posted again, roster sync
 * through NRPS with paging, and service-token reuse and renewal.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesIT {
  private static final Pattern ITEM = Pattern.compile("name=\"item\" value=\"([^\"]+)\"");
  private static final Pattern RETURN_FORM =
      Pattern.compile("<form id=\"autopost\" method=\"post\" action=\"([^\"]+)\">");
  private static final Pattern JWT = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  /** Registers the platform through the admin API; answers the registration id. */
  private static long register(RapportClient rapport, LtiTestPlatform platform) throws Exception {
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/registrations",
            platform.registrationJson("Test platform " + platform.issuer()));
    assertEquals(201, created.statusCode(), created.body());
    return ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
  }

  @Test
  void anInstructorAddsTwoModulesAndTheSelfAssessmentWithGradebookColumns() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      register(rapport, platform);
      LtiTestPlatform.Launched launched =
          platform.launch(
              rapport,
              LaunchSpec.deepLinking("teacher-1", LtiTestPlatform.INSTRUCTOR, "dl-course")
                  .withoutNrps());
      assertTrue(
          URI.create(launched.location()).getPath().startsWith("/app/content-selection/"),
          launched.location());
      String page = path(launched.location());

      HttpResponse<String> selection = rapport.get(page);
      assertEquals(200, selection.statusCode(), selection.body());
      for (String family :
          List.of(
              "communication",
              "relationship-building",
              "resilience",
              "patient-partnership",
              "self-assessment")) {
        assertTrue(selection.body().contains("data-group=\"" + family + "\""), family);
      }
      List<String> items = all(ITEM, selection.body());
      String institutionDir = System.getenv("RAPPORT_CURRICULUM_MODULES_DIR");
      ModuleCatalog installed =
          ModuleCatalog.load(institutionDir == null ? null : java.nio.file.Path.of(institutionDir));
      assertEquals(
          installed.size() + 1, items.size(), "every installed module and the self-assessment");
      assertTrue(items.containsAll(List.of("module:teach-back", "module:why-empathy-erodes")));
      assertTrue(items.contains("self-assessment"));
      assertTrue(selection.body().contains("type=\"checkbox\""), "accept_multiple: checkboxes");
      assertTrue(selection.body().contains("id=\"activity-search\""));
      assertTrue(selection.body().contains("/assets/content-selection.js"));

      HttpResponse<String> searched =
          rapport.get(page + "&q=" + URLEncoder.encode("teach-back", StandardCharsets.UTF_8));
      assertEquals(List.of("module:teach-back"), all(ITEM, searched.body()), "no-JS search");

      String chosen =
          "item=module%3Ateach-back&item=module%3Aopening-the-visit&item=self-assessment&action=add";
      HttpResponse<String> answer = rapport.postForm(page, chosen);
      assertEquals(200, answer.statusCode(), answer.body());
      String returnUrl = DevLaunch.html(first(RETURN_FORM, answer.body()));
      assertEquals(platform.issuer() + "/deep-link-return", returnUrl);
      String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(
          csp.contains("form-action 'self' " + platform.issuer() + ";"),
          "the return page may post to its platform, and only there: " + csp);
      HttpResponse<String> delivered =
          postJwt(returnUrl, DevLaunch.html(first(JWT, answer.body())));
      assertEquals(200, delivered.statusCode(), delivered.body());

      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
      LtiTestPlatform.DeepLinkReturn response = platform.deepLinkReturns().get(0);
      assertEquals(3, response.links().size());
      assertEquals(
          List.of("/app/modules/teach-back", "/app/modules/opening-the-visit", "/app/assessment"),
          response.links().stream().map(l -> URI.create(l.url()).getPath()).toList());
      assertTrue(response.links().stream().allMatch(l -> l.lineItemId() != null));
      List<LtiTestPlatform.LineItemRecord> columns = platform.lineItems();
      assertEquals(3, columns.size());
      assertTrue(
          columns.stream().allMatch(c -> c.scoreMaximum() == 1 && "completion".equals(c.tag())));
      assertTrue(
          columns.stream()
              .map(LtiTestPlatform.LineItemRecord::resourceId)
              .toList()
              .containsAll(List.of("teach-back", "opening-the-visit", "empathy-self-assessment")));

      HttpResponse<String> again = rapport.postForm(page, chosen);
      assertEquals(410, again.statusCode(), "a request is answered once");
    }
  }

  /**
   * An instructor places one item through the deep-linking page; answers the link the platform
   * created from the response.
   */
  private static LtiTestPlatform.CreatedLink placeOne(
      RapportClient rapport,
      LtiTestPlatform platform,
      String instructor,
      String course,
      String item)
      throws Exception {
    LtiTestPlatform.Launched teacher =
        platform.launch(
            rapport,
            LaunchSpec.deepLinking(instructor, LtiTestPlatform.INSTRUCTOR, course).withoutNrps());
    HttpResponse<String> answer =
        rapport.postForm(path(teacher.location()), "item=" + item + "&action=add");
    assertEquals(200, answer.statusCode(), answer.body());
    postJwt(platform.issuer() + "/deep-link-return", DevLaunch.html(first(JWT, answer.body())));
    return platform.deepLinkReturns().get(0).links().get(0);
  }

  @Test
  void aStudentCompletingADeepLinkedModuleInThePlayerGetsACompletionInTheGradebook()
      throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      long registration = register(rapport, platform);
      platform.roster("player-course", LtiTestPlatform.members("p", 3));
      LtiTestPlatform.CreatedLink link =
          placeOne(rapport, platform, "p-50", "player-course", "module%3Ateach-back");

      completeTeachBack(rapport, platform, link, "p-1", "player-course");

      await().atMost(Duration.ofSeconds(60)).until(() -> !platform.scores().isEmpty());
      List<LtiTestPlatform.ScoreRecord> scores = platform.scores();
      assertEquals(1, scores.size(), "one completion score through the real player");
      assertEquals(link.lineItemId(), scores.get(0).lineItemId());
      assertEquals("p-1", scores.get(0).userId());
      assertEquals("Completed", scores.get(0).json().get("activityProgress"));
      assertEquals(1, awaitDelivered(rapport, registration, 1), "Rapport counts it as delivered");
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }

  /** The learner launches the link and walks the whole teach-back module in the player. */
  private static void completeTeachBack(
      RapportClient rapport,
      LtiTestPlatform platform,
      LtiTestPlatform.CreatedLink link,
      String learner,
      String course)
      throws Exception {
    LtiTestPlatform.Launched student =
        platform.launch(
            rapport,
            LaunchSpec.resourceLink(
                    learner,
                    LtiTestPlatform.LEARNER,
                    course,
                    link.id(),
                    URI.create(link.url()).getPath())
                .withLineItem(link.lineItemId()));
    Module module = ModuleCatalog.load(null).find(ModuleId.of("teach-back")).orElseThrow();
    new ModuleWalker(rapport, student.session()).complete(module);
  }

  /** Waits up to a minute for the registration's delivered count; answers the last count. */
  private static long awaitDelivered(RapportClient rapport, long registration, long wanted)
      throws Exception {
    try {
      return await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> scoreCounts(rapport, registration).get("delivered"), d -> d == wanted);
    } catch (org.awaitility.core.ConditionTimeoutException late) {
      return scoreCounts(rapport, registration).get("delivered");
    }
  }

  /** The registration's score outbox counts: queued, delivered, dead-lettered and superseded. */
  private static Map<String, Long> scoreCounts(RapportClient rapport, long registration)
      throws Exception {
    HttpResponse<String> answer =
        rapport.adminGet("/api/admin/scores/registrations/" + registration);
    assertEquals(200, answer.statusCode(), answer.body());
    Map<?, ?> counts = (Map<?, ?>) JSONObjectUtils.parse(answer.body()).get("counts");
    Map<String, Long> values = new java.util.TreeMap<>();
    for (String name : List.of("queued", "delivered", "deadLettered", "superseded")) {
      values.put(name, ((Number) counts.get(name)).longValue());
    }
    return values;
  }

  @Test
  void aScoreWhosePostWasNeverRecordedIsCheckedInTheGradebookBeforeItIsPostedAgain()
      throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport);
        Connection database = ItDatabase.connect()) {
      long registration = register(rapport, platform);
      platform.roster("doubt-course", LtiTestPlatform.members("d", 3));
      LtiTestPlatform.CreatedLink link =
          placeOne(rapport, platform, "d-50", "doubt-course", "module%3Ateach-back");
      completeTeachBack(rapport, platform, link, "d-1", "doubt-course");
      assertEquals(1, awaitDelivered(rapport, registration, 1));
      assertEquals(1, platform.scores().size());
      assertEquals(0, platform.resultReads(), "a score not in doubt is posted without a check");

      // As if Rapport had stopped after the LMS accepted the post but before recording it: the
      // score is queued again, its attempt begun, under a claim whose lease has run out.
      try (PreparedStatement inDoubt =
          database.prepareStatement(
              "UPDATE score_outbox SET status = 'QUEUED', delivered_at = NULL,"
                  + " posting_since = ?, claim_token = 'stopped-worker', claimed_until = ?,"
                  + " next_attempt_at = ? WHERE registration_id = ? AND status = 'DELIVERED'")) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        inDoubt.setObject(1, now.minusMinutes(3));
        inDoubt.setObject(2, now.minusSeconds(1));
        inDoubt.setObject(3, now.minusMinutes(3));
        inDoubt.setLong(4, registration);
        assertEquals(1, inDoubt.executeUpdate());
      }
      assertEquals(1, awaitDelivered(rapport, registration, 1), "recorded as delivered again");
      assertEquals(1, platform.resultReads(), "the learner's result was read");
      assertEquals(1, platform.scores().size(), "the gradebook had it: not posted again");

      // A post the LMS answered with 503 is in doubt too; the gradebook lacks it, so it is posted.
      // The outage lasts until the first post has met it, however long the module walk takes.
      platform.outage(503, Duration.ofMinutes(5), null);
      completeTeachBack(rapport, platform, link, "d-2", "doubt-course");
      await("the first post meeting the outage")
          .atMost(Duration.ofSeconds(60))
          .until(() -> platform.outageAnswers() >= 1);
      platform.endOutage();
      assertEquals(2, awaitDelivered(rapport, registration, 2));
      assertEquals(2, platform.resultReads(), "checked before posting again");
      assertEquals(
          List.of("d-1", "d-2"),
          platform.scores().stream().map(LtiTestPlatform.ScoreRecord::userId).toList(),
          "each score reached the LMS once");
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }

  @Test
  void aStudentSubmittingTheSelfAssessmentGetsACompletionButNeverTheirScoreInTheGradebook()
      throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      long registration = register(rapport, platform);
      platform.roster("wave-course", LtiTestPlatform.members("w", 3));
      LtiTestPlatform.CreatedLink link =
          placeOne(rapport, platform, "w-50", "wave-course", "self-assessment");
      assertEquals("/app/assessment", URI.create(link.url()).getPath());

      LtiTestPlatform.Launched student =
          platform.launch(
              rapport,
              LaunchSpec.resourceLink(
                      "w-1",
                      LtiTestPlatform.LEARNER,
                      "wave-course",
                      link.id(),
                      URI.create(link.url()).getPath())
                  .withLineItem(link.lineItemId()));
      AssessmentDriver d = new AssessmentDriver(rapport);
      d.consentAndYear(student.session(), 1977);
      long wave = d.wave(registration, 1977, "Y1");
      d.open(wave);
      int[] answers = {7, 7, 7, 7, 1, 7, 1, 7, 1, 7, 1, 7, 7, 7, 1, 1, 1, 7};
      HttpResponse<String> submitted =
          d.post(student.session(), "submit", AssessmentDriver.answers(wave, answers), false);
      assertEquals(303, submitted.statusCode(), submitted.body());

      await().atMost(Duration.ofSeconds(60)).until(() -> !platform.scores().isEmpty());
      List<LtiTestPlatform.ScoreRecord> scores = platform.scores();
      assertEquals(1, scores.size(), "one completion for the submitted wave");
      LtiTestPlatform.ScoreRecord score = scores.get(0);
      assertEquals(link.lineItemId(), score.lineItemId());
      assertEquals("w-1", score.userId());
      assertEquals("Completed", score.json().get("activityProgress"));
      assertEquals(1.0, ((Number) score.json().get("scoreGiven")).doubleValue());
      assertEquals(1.0, ((Number) score.json().get("scoreMaximum")).doubleValue());
      assertEquals(
          java.util.Set.of(
              "userId",
              "scoreGiven",
              "scoreMaximum",
              "activityProgress",
              "gradingProgress",
              "timestamp"),
          score.json().keySet(),
          "completion only: the empathy score (126 here) and the answers stay in Rapport");

      HttpResponse<String> again =
          d.post(student.session(), "submit", AssessmentDriver.answers(wave, answers), false);
      assertEquals(303, again.statusCode(), "a repeated submit is answered as done");
      // Scores are queued in the submitting transaction: what a repeated submit queued is in the
      // outbox by the time it answers.
      assertEquals(
          1,
          scoreCounts(rapport, registration).values().stream().mapToLong(Long::longValue).sum(),
          "a repeated submit queues nothing new: " + scoreCounts(rapport, registration));
      assertEquals(1, platform.scores().size());
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }

  @Test
  void radioButtonsAndNoColumnsWhenTheLmsAcceptsOneItemWithoutLineItems() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      register(rapport, platform);
      LtiTestPlatform.Launched launched =
          platform.launch(
              rapport,
              LaunchSpec.deepLinking("teacher-2", LtiTestPlatform.INSTRUCTOR, "dl-single")
                  .withoutNrps()
                  .accepting(false, false));
      String page = path(launched.location());
      HttpResponse<String> selection = rapport.get(page);
      assertTrue(selection.body().contains("type=\"radio\""), selection.body());
      assertFalse(selection.body().contains("type=\"checkbox\""));

      HttpResponse<String> two =
          rapport.postForm(page, "item=module%3Ateach-back&item=self-assessment&action=add");
      assertEquals(400, two.statusCode());
      assertTrue(two.body().contains("one activity at a time"), two.body());
      HttpResponse<String> none = rapport.postForm(page, "action=add");
      assertEquals(400, none.statusCode());

      HttpResponse<String> one = rapport.postForm(page, "item=self-assessment&action=add");
      assertEquals(200, one.statusCode(), one.body());
      assertEquals(
          200,
          postJwt(platform.issuer() + "/deep-link-return", DevLaunch.html(first(JWT, one.body())))
              .statusCode());
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
      LtiTestPlatform.CreatedLink link = platform.deepLinkReturns().get(0).links().get(0);
      assertEquals(null, link.lineItemId(), "accept_lineitem false: no column asked for");
    }
  }

  @Test
  void inABrowserTheSearchFiltersAsOneTypesAndTheChoiceIsPostedBackToTheLms() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      register(rapport, platform);
      LtiTestPlatform.Launched launched =
          platform.launch(
              rapport,
              LaunchSpec.deepLinking("teacher-3", LtiTestPlatform.INSTRUCTOR, "dl-browser")
                  .withoutNrps());
      String page = path(launched.location());
      long expected =
          all(Pattern.compile("data-search=\"([^\"]*)\""), rapport.get(page).body()).stream()
              .filter(text -> text.contains("nurse"))
              .count();
      assertTrue(expected >= 1);
      ChromeDriver browser = Browser.start(false);
      try {
        browser.get(rapport.uri(page).toString());
        browser.findElement(By.id("activity-search")).sendKeys("NURSE");
        List<WebElement> visible =
            browser.findElements(By.cssSelector("li[data-search]")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
        assertEquals(expected, visible.size());
        assertEquals(
            String.valueOf(expected), browser.findElement(By.id("activity-shown")).getText());
        assertTrue(
            browser.findElements(By.cssSelector("fieldset[data-group='resilience']")).stream()
                .noneMatch(WebElement::isDisplayed),
            "a family with no match is hidden");
        visible.get(0).findElement(By.cssSelector("input[name='item']")).click();
        browser.findElement(By.cssSelector("button[value='add']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
            .until(d -> d.getPageSource().contains("Added 1 items"));
      } finally {
        browser.quit();
      }
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
      assertEquals(
          1, platform.deepLinkReturns().size(), "the auto-submitting form reached the LMS");
    }
  }

  @Test
  void aStudentOnADeepLinkingRequestGetsAClearRefusal() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      register(rapport, platform);
      LtiTestPlatform.Launched launched =
          platform.launch(
              rapport,
              LaunchSpec.deepLinking("student-1", LtiTestPlatform.LEARNER, "dl-course")
                  .withoutNrps());
      HttpResponse<String> page = rapport.get(path(launched.location()));
      assertEquals(403, page.statusCode());
      assertTrue(page.body().contains("Only instructors can add Rapport activities"), page.body());
      assertTrue(page.body().contains("<h1>"), "a page, not a bare error");
    }
  }

  @Test
  void aRosterOf250MembersOnThreePagesIsStoredAndALeaverBecomesInactive() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      long registration = register(rapport, platform);
      platform.roster("roster-course", LtiTestPlatform.members("r", 250));
      platform.launch(
          rapport,
          LaunchSpec.resourceLink(
              "r-50", LtiTestPlatform.INSTRUCTOR, "roster-course", "link-r", "/app"));

      Map<String, Object> course =
          awaitCourse(rapport, registration, c -> number(c, "activeMembers") == 250);
      long courseId = number(course, "courseId");
      assertEquals(0, number(course, "inactiveMembers"));
      assertEquals(3, platform.nrpsPageRequests(), "250 members on pages of 100");
      List<Object> members = members(rapport, courseId);
      assertEquals(250, members.size());
      Map<?, ?> fiftieth = member(members, "r-50");
      assertEquals("INSTRUCTOR", fiftieth.get("role"));
      assertEquals("Member 50", fiftieth.get("name"));
      assertEquals("STUDENT", member(members, "r-1").get("role"));
      System.out.println(
          "Roster: "
              + members.size()
              + " members stored from "
              + platform.nrpsPageRequests()
              + " pages");

      Map<String, Object> fresh = course(rapport, registration);
      platform.launch(
          rapport,
          LaunchSpec.resourceLink(
              "r-1", LtiTestPlatform.LEARNER, "roster-course", "link-r", "/app"));
      // A launch makes a refresh due (at once) only for a stale roster, and it does so before the
      // launch is answered: the next refresh of this fresh one is still the one set after the sync.
      Map<String, Object> afterLaunch = course(rapport, registration);
      assertEquals(
          fresh.get("dueAt"), afterLaunch.get("dueAt"), "no refresh made due: " + afterLaunch);
      assertTrue(
          OffsetDateTime.parse((String) afterLaunch.get("dueAt"))
              .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusHours(23)),
          "next refresh a day after the sync: " + afterLaunch);
      assertEquals(3, platform.nrpsPageRequests(), "a fresh roster is not fetched again at launch");

      platform.removeMember("roster-course", "r-7");
      HttpResponse<String> refresh =
          rapport.adminPost("/api/admin/roster/courses/" + courseId + "/refresh", "");
      assertEquals(202, refresh.statusCode(), refresh.body());
      awaitCourse(rapport, registration, c -> number(c, "inactiveMembers") == 1);
      members = members(rapport, courseId);
      assertEquals(250, members.size(), "the leaver is kept");
      assertEquals(Boolean.FALSE, member(members, "r-7").get("active"));
      assertEquals(Boolean.TRUE, member(members, "r-8").get("active"));
      assertEquals(
          1, platform.tokenRequestsFor(LtiTestPlatform.NRPS_SCOPE), "one token for both refreshes");
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }

  @Test
  void aServiceTokenIsReusedUntilItExpiresAndThenRenewed() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform platform = LtiTestPlatform.forRapport(rapport)) {
      long registration = register(rapport, platform);
      platform.tokenLifetime(Duration.ofSeconds(30));
      platform.roster("token-course", LtiTestPlatform.members("t", 5));
      platform.launch(
          rapport,
          LaunchSpec.resourceLink(
              "t-1", LtiTestPlatform.LEARNER, "token-course", "link-t", "/app"));
      Map<String, Object> course =
          awaitCourse(rapport, registration, c -> c.get("syncedAt") != null);
      Instant firstToken = Instant.now();
      long courseId = number(course, "courseId");
      assertEquals(1, platform.tokenRequestsFor(LtiTestPlatform.NRPS_SCOPE));

      String synced = (String) course.get("syncedAt");
      rapport.adminPost("/api/admin/roster/courses/" + courseId + "/refresh", "");
      awaitCourse(rapport, registration, c -> !synced.equals(c.get("syncedAt")));
      assertTrue(
          Duration.between(firstToken, Instant.now()).compareTo(Duration.ofSeconds(20)) < 0,
          "second refresh within the token's usable life");
      assertEquals(1, platform.tokenRequestsFor(LtiTestPlatform.NRPS_SCOPE), "token reused");

      // Rapport's clock moves to 26 s after the first token: 4 s of its 30 s life are left.
      long elapsed = Duration.between(firstToken, Instant.now()).toSeconds();
      rapport.moveClockForward(Duration.ofSeconds(Math.max(1, 26 - elapsed)));
      try {
        Map<String, Object> before = course(rapport, registration);
        rapport.adminPost("/api/admin/roster/courses/" + courseId + "/refresh", "");
        awaitCourse(rapport, registration, c -> !before.get("syncedAt").equals(c.get("syncedAt")));
      } finally {
        rapport.resetClock();
      }
      assertEquals(
          2, platform.tokenRequestsFor(LtiTestPlatform.NRPS_SCOPE), "renewed within the margin");
      System.out.println("Token requests per scope set: " + platform.tokenRequests());
      assertTrue(platform.problems().isEmpty(), platform.problems().toString());
    }
  }

  // ---- helpers ----

  private static Map<String, Object> course(RapportClient rapport, long registration)
      throws Exception {
    HttpResponse<String> list = rapport.adminGet("/api/admin/roster?registration=" + registration);
    assertEquals(200, list.statusCode(), list.body());
    List<Object> courses = JSONArrayUtils.parse(list.body());
    assertEquals(1, courses.size(), list.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> course = (Map<String, Object>) courses.get(0);
    return course;
  }

  private static Map<String, Object> awaitCourse(
      RapportClient rapport, long registration, Predicate<Map<String, Object>> ready)
      throws Exception {
    return await("the roster")
        .atMost(Duration.ofSeconds(90))
        .until(() -> course(rapport, registration), ready::test);
  }

  private static List<Object> members(RapportClient rapport, long courseId) throws Exception {
    HttpResponse<String> answer =
        rapport.adminGet("/api/admin/roster/courses/" + courseId + "/members");
    assertEquals(200, answer.statusCode(), answer.body());
    List<Object> members = JSONArrayUtils.parse(answer.body());
    // Names and emails of a course's people: the look is on record.
    String audit = rapport.adminGet("/api/admin/audit?limit=1000").body();
    assertTrue(
        audit.contains("ROSTER_MEMBERS_VIEWED")
            && audit.contains(members.size() + " members of course " + courseId + "\""),
        audit);
    return members;
  }

  private static Map<?, ?> member(List<Object> members, String userId) {
    return members.stream()
        .map(m -> (Map<?, ?>) m)
        .filter(m -> userId.equals(m.get("userId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No member " + userId));
  }

  private static long number(Map<?, ?> json, String name) {
    Object value = json.get(name);
    assertNotNull(value, name + " in " + json);
    return ((Number) value).longValue();
  }

  private static String path(String location) {
    URI uri = URI.create(location);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static HttpResponse<String> postJwt(String url, String jwt) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "JWT=" + URLEncoder.encode(jwt, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), "No " + pattern + " in " + text);
    return m.group(1);
  }

  private static List<String> all(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(DevLaunch.html(m.group(1)));
    }
    return found;
  }
}
