package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.answers;
import static org.rapport.lti.testdata.AssessmentDriver.expect;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ObservedRatingsSeeder;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * What a student sees of their observed practice, on the shipped WAR over real HTTP: released
 * ratings only, each with the kind of rater and the comment but never the rater's name; nobody
 * else's ratings; the gap per layer against their own self-assessment; and a peer rating they ask a
 * classmate for after a practice step, which the classmate gives under Ratings to give. Students
 * are launched from the test platform, each test in a course of its own; planned sessions are
 * written to the database as faculty planning would leave them.
 */
@ExtendWith(ArquillianExtension.class)
class ObservedStudentIT {
  private static final int YEAR = 1979;
  private static final int[] ALL_FOURS = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
  private static final String PRACTICE = "/app/modules/teach-back/steps/teach-back-practice";
  private static final Pattern RATE_LINK = Pattern.compile("href=\"(/app/ratings/[0-9]+)\\?");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String subject(String role, String user) {
    return "dev-" + role + "-" + user;
  }

  private static void assertNever(String body, String... secrets) {
    String lower = body.toLowerCase(Locale.ROOT);
    for (String secret : secrets) {
      assertFalse(lower.contains(secret.toLowerCase(Locale.ROOT)), secret + " shown in " + body);
    }
  }

  private static String option(String body, String name) {
    Matcher m = Pattern.compile("<option value=\"([0-9]+)\">" + name).matcher(body);
    assertTrue(m.find(), name + " is not offered in " + body);
    return m.group(1);
  }

  @Test
  void releasedRatingsShowWithCommentAndRaterTypeNeverWhoAndTheGapPerLayer() throws Exception {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String course = unique("osce");
    String gia = unique("gia");
    String hal = unique("hal");
    String s = DevLaunch.session(rapport, "student", gia, "/app", course);
    String other = DevLaunch.session(rapport, "student", hal, "/app", course);
    String faculty = DevLaunch.session(rapport, "instructor", unique("fay"), "/app", course);

    // Before anything is rated: what observed practice is, and when ratings appear.
    HttpResponse<String> empty = expect(200, rapport.get("/app/observed?s=" + s));
    assertTrue(empty.body().contains("Observed practice means that someone watches"));
    assertTrue(empty.body().contains("Ratings appear here after your course releases them"));
    assertTrue(
        empty.body().contains(" aria-current=\"page\">Observed practice</a>"), "in the navigation");

    // Gia's self-assessment: every answer 4 of 1-7, so 50 of 100 in every layer.
    d.consentAndYear(s, YEAR);
    long wave = d.wave(tenant, YEAR, "Y1");
    d.open(wave);
    expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    d.consentAndYear(other, YEAR);

    String spName = "Persephone Quillbeck";
    String spMail = "persephone.quillbeck@example.org";
    long released;
    long unreleased;
    try (ObservedRatingsSeeder db = new ObservedRatingsSeeder()) {
      long courseId = db.course(tenant, course);
      long giaId = db.student(tenant, subject("student", gia));
      long halId = db.student(tenant, subject("student", hal));
      LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
      released = db.session(tenant, courseId, "Spring OSCE", "OSCE_STATION", day, "Y1", true);
      long encounter = db.encounter(released, giaId, "Breaking bad news");
      // Patient form (10-50): cognitive 15 of 3-15 = 100, affective 9 = 50, action 8 of 4-20 = 25.
      db.rating(
          db.linkRater(encounter, "PATIENT", spName, spMail, "rapport-observed-patient"),
          layers(15, 9, 8),
          "You explained the plan in plain words.");
      unreleased = db.session(tenant, courseId, "Autumn OSCE", "OSCE_STATION", day, "Y1", false);
      db.rating(
          db.linkRater(
              db.encounter(unreleased, giaId, "Discharge"),
              "PATIENT",
              spName,
              spMail,
              "rapport-observed-patient"),
          layers(3, 3, 4),
          "Not released yet, keep it hidden.");
      long hals = db.session(tenant, courseId, "Hal's OSCE", "OSCE_STATION", day, "Y1", true);
      db.rating(
          db.linkRater(
              db.encounter(hals, halId, "Hal's station"),
              "FACULTY",
              "Dr Hal Rater",
              null,
              "rapport-observed-observer"),
          layers(10, 10, 10),
          "A comment for Hal only.");
    }

    String page = expect(200, rapport.get("/app/observed?s=" + s)).body();
    assertTrue(page.contains("OSCE station: Breaking bad news"), page);
    assertTrue(page.contains("Rated by: Standardized patient"), page);
    assertTrue(
        page.contains(
            "<blockquote class=\"rating-comment\">You explained the plan in plain words."),
        page);
    assertTrue(page.contains("Total: <strong>32 of 50</strong>"), page);
    assertTrue(page.contains("How the rating scales read"), page);
    assertNever(page, "Persephone", "Quillbeck", "example.org", "Not released yet", "Hal only");
    assertNever(page, "Discharge", "Hal&#39;s station", "Dr Hal Rater");

    // The gap: self 50 in every layer against 100, 50 and 25 observed.
    assertGapRow(page, "cognitive", "Cognitive empathy", "50", "100", "-50");
    assertGapRow(page, "affective", "Affective empathy", "50", "50", "0");
    assertGapRow(page, "compassionate-action", "Compassionate action", "50", "25", "+25");
    assertTrue(
        page.contains(
            "You rated yourself higher than patients experienced you in compassionate action, by"
                + " 25 points out of 100."),
        page);
    assertTrue(
        page.contains(
            "You rated yourself lower than patients experienced you in cognitive empathy, by 50"
                + " points out of 100."),
        page);
    assertTrue(page.contains("id=\"observed-trend\""), page);
    assertTrue(page.contains("<strong>Compassionate action</strong> (25 points out of 100)"), page);
    assertTrue(page.contains("id=\"observed-modules\""), page);

    // The self-assessment page points to it beside the trajectory.
    String results = expect(200, rapport.get("/app/assessment?s=" + s)).body();
    assertTrue(results.contains("id=\"observed-beside-trajectory\""), results);

    // Hal sees his own rating and nothing of Gia's; faculty have no such page.
    String hals = expect(200, rapport.get("/app/observed?s=" + other)).body();
    assertTrue(hals.contains("A comment for Hal only."), hals);
    assertNever(hals, "plain words", "Breaking bad news", "Dr Hal Rater");
    HttpResponse<String> forFaculty = rapport.get("/app/observed?s=" + faculty);
    assertEquals(403, forFaculty.statusCode());
    assertNever(forFaculty.body(), "plain words", "Hal only");

    // Once faculty release the second session, its rating shows too.
    try (ObservedRatingsSeeder db = new ObservedRatingsSeeder()) {
      db.release(unreleased);
    }
    String after = expect(200, rapport.get("/app/observed?s=" + s)).body();
    assertTrue(after.contains("Not released yet, keep it hidden."), after);
    assertTrue(after.contains("OSCE station: Discharge"), after);
    assertNever(after, "Persephone", "Quillbeck", "example.org");
    assertTrue(released > 0);

    // On a phone: no sideways scrolling, and axe finds nothing serious.
    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      browser.get(
          rapport.base()
              + "/dev/platform/launch?role=student&user="
              + gia
              + "&course="
              + course
              + "&target=/app/observed");
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("observed-gap")));
      Axe.assertNoSeriousViolations(browser, "observed practice");
      // At the width of a phone, the page inside the LMS frame does not scroll sideways.
      browser.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 390, "height", 900, "deviceScaleFactor", 1, "mobile", true));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  ((Number) browser.executeScript("return document.documentElement.clientWidth;"))
                      .intValue(),
              w -> w <= 390);
      Number scroll =
          (Number)
              browser.executeScript(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      assertTrue(scroll.intValue() <= 0, "scrolls sideways by " + scroll + " px at 390 px");
      Axe.assertNoSeriousViolations(browser, "observed practice on a phone");
    } finally {
      browser.quit();
    }
  }

  private static Map<String, Integer> layers(int cognitive, int affective, int action) {
    Map<String, Integer> layers = new LinkedHashMap<>();
    layers.put("cognitive", cognitive);
    layers.put("affective", affective);
    layers.put("compassionate-action", action);
    return layers;
  }

  private static void assertGapRow(
      String page, String id, String label, String self, String observed, String gap) {
    String row =
        "<tr data-domain=\""
            + id
            + "\"><th scope=\"row\">"
            + label
            + "</th><td>"
            + self
            + "</td><td>"
            + observed
            + "</td><td>"
            + gap
            + "</td></tr>";
    assertTrue(page.contains(row), row + " not in " + page);
  }

  @Test
  void aClassmateAskedAfterAPracticeStepRatesItAndTheRequesterSeesItWithoutTheirName()
      throws Exception {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String course = unique("peers");
    String ria = unique("ria");
    String zeb = unique("zebedee");
    String peer = DevLaunch.session(rapport, "student", zeb, "/app", course);
    String s = DevLaunch.session(rapport, "student", ria, "/app", course);
    List<String> more = List.of(unique("amy"), unique("ben"), unique("cai"));
    for (String classmate : more) {
      DevLaunch.session(rapport, "student", classmate, "/app", course);
    }
    String ivo = unique("ivo");
    DevLaunch.session(rapport, "instructor", ivo, "/app", course);
    String elsewhere = unique("eve");
    DevLaunch.session(rapport, "student", elsewhere, "/app", unique("other"));

    String request = "/app/observed/peer-request?module=teach-back&step=teach-back-practice&s=";
    HttpResponse<String> early = rapport.get(request + s);
    assertEquals(409, early.statusCode(), early.body());
    assertTrue(early.body().contains("Save your answer to this practice step first"));
    HttpResponse<String> noStep =
        rapport.get("/app/observed/peer-request?module=teach-back&step=check&s=" + s);
    assertEquals(404, noStep.statusCode());

    expect(303, rapport.postForm(PRACTICE + "/practice?s=" + s, "response=My+answer.&tick=0"));
    String step = expect(200, rapport.get(PRACTICE + "?s=" + s)).body();
    assertTrue(step.contains("Ask a classmate to rate this practice"), step);

    String form = expect(200, rapport.get(request + s)).body();
    String zebId = option(form, "Zebedee");
    assertFalse(form.contains("Ria-"), "the student is not offered themselves");
    assertFalse(form.contains("(demo instructor)"), "nor faculty");
    assertFalse(form.contains("Eve-"), "nor students of other courses");

    long riaId;
    long ivoId;
    long eveId;
    try (ObservedRatingsSeeder db = new ObservedRatingsSeeder()) {
      riaId = db.learner(tenant, subject("student", ria));
      eveId = db.learner(tenant, subject("student", elsewhere));
      ivoId = db.learner(tenant, subject("instructor", ivo));
    }
    String post = "/app/observed/peer-request?s=" + s;
    String base = "module=teach-back&step=teach-back-practice&classmate=";
    refused(rapport.postForm(post, base), "Choose the classmate to ask.");
    refused(rapport.postForm(post, base + riaId), "You cannot rate your own practice");
    refused(rapport.postForm(post, base + eveId), "not a student of this course");
    refused(rapport.postForm(post, base + "999999999"), "not a student of this course");
    refused(rapport.postForm(post, base + ivoId), "not a student of this course");

    HttpResponse<String> sent = rapport.postForm(post, base + zebId);
    assertEquals(303, sent.statusCode(), sent.body());
    String location = sent.headers().firstValue("Location").orElseThrow();
    String confirmation = expect(200, rapport.get(location)).body();
    assertTrue(confirmation.contains("Your request is sent"), confirmation);
    refused(rapport.postForm(post, base + zebId), "already asked this classmate");

    // At most three open requests for one practice.
    String amy = option(form, "Amy");
    String ben = option(form, "Ben");
    String cai = option(form, "Cai");
    expect(303, rapport.postForm(post, base + amy));
    expect(303, rapport.postForm(post, base + ben));
    refused(rapport.postForm(post, base + cai), "You have already asked 3 classmates");

    // Not rated yet: nothing to show.
    String before = expect(200, rapport.get("/app/observed?s=" + s)).body();
    assertTrue(before.contains("No ratings to show yet"), before);

    // The classmate is told on their home page and rates under Ratings to give.
    String home = expect(200, rapport.get("/app?s=" + peer)).body();
    assertTrue(home.contains("You were asked to rate a conversation of a classmate."), home);
    String toGive = expect(200, rapport.get("/app/ratings?s=" + peer)).body();
    Matcher link = RATE_LINK.matcher(toGive);
    assertTrue(link.find(), toGive);
    String rate = link.group(1) + "?s=" + peer;
    expect(200, rapport.get(rate));
    // cognitive 2,3,4 = 5 (100); affective 1,5,6 = 3 (50); action 7-10 = 2 (25).
    String rating =
        "item_1=3&item_2=5&item_3=5&item_4=5&item_5=3&item_6=3&item_7=2&item_8=2&item_9=2"
            + "&item_10=2&comment="
            + java.net.URLEncoder.encode(
                "Warm opening; check the plan back with the patient.",
                java.nio.charset.StandardCharsets.UTF_8);
    expect(200, rapport.postForm(rate, rating));

    String after = expect(200, rapport.get("/app/observed?s=" + s)).body();
    assertTrue(after.contains("Rated by: Peer"), after);
    assertTrue(
        after.contains(
            "<blockquote class=\"rating-comment\">Warm opening; check the plan back with the"
                + " patient."),
        after);
    assertTrue(after.contains("Peer role-play: "), after);
    assertNever(after, "Zebedee", subject("student", zeb));
    // The classmate's own page shows nothing of it.
    String peers = expect(200, rapport.get("/app/observed?s=" + peer)).body();
    assertNever(peers, "Warm opening");
    // Once rated, the request no longer counts as open: a fourth classmate can be asked.
    expect(303, rapport.postForm(post, base + cai));
  }

  private static void refused(HttpResponse<String> answer, String sentence) {
    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains(sentence), sentence + " not in " + answer.body());
  }
}
