package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.answers;
import static org.rapport.lti.testdata.AssessmentDriver.array;
import static org.rapport.lti.testdata.AssessmentDriver.expect;
import static org.rapport.lti.testdata.AssessmentDriver.header;
import static org.rapport.lti.testdata.AssessmentDriver.object;
import static org.rapport.lti.testdata.AssessmentDriver.rapportRow;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The longitudinal self-assessment on the shipped WAR, over real HTTP: students launched through
 * the test platform (which sends no cohort parameter, so they answer "which year"), administrators
 * through the JSON API. This installation has no licensed JSE-S texts. Each test uses its own
 * students and matriculation year.
 */
@ExtendWith(ArquillianExtension.class)
class AssessmentIT {
  static final String JSE_REASON =
      "JSE-S item texts have not been supplied: set rapport.instruments.jse-s.texts to the"
          + " licensed texts file";
  static final int[] ALL_FOURS = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private AssessmentDriver driver() {
    return new AssessmentDriver(new RapportClient(deployed));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** A launched student who consented, gave {@code year} and has the Y1 wave open. */
  private String studentWithOpenWave(AssessmentDriver d, String user, int year) {
    String s = DevLaunch.session(d.rapport(), "student", user, "/app/assessment");
    d.consentAndYear(s, year);
    d.open(d.wave(d.devRegistration(), year, "Y1"));
    return s;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> responses(Map<String, Object> export) {
    return (List<Map<String, Object>>) export.get("responses");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> answersOf(Map<String, Object> response) {
    return (Map<String, Object>) response.get("answers");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> scoresOf(Map<String, Object> response) {
    return (List<Map<String, Object>>) response.get("scores");
  }

  // ---- the student's way through

  @Test
  void aStudentConsentsSaysWhichYearSavesADraftSubmitsOnceAndSeesTheirScores() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    String s = DevLaunch.session(rapport, "student", unique("flow"), "/app/assessment");

    HttpResponse<String> notice = expect(200, rapport.get("/app/assessment?s=" + s));
    assertTrue(notice.body().contains("Before you start"), notice.body());
    assertTrue(notice.body().contains("never see your individual answers"), notice.body());
    assertTrue(notice.body().contains("never receives your score"), notice.body());
    assertTrue(notice.body().contains("download everything"), notice.body());

    HttpResponse<String> early = d.post(s, "draft", "wave=1&item_1=4", true);
    assertEquals(403, early.statusCode(), early.body());
    assertTrue(early.body().contains("privacy notice"), early.body());

    HttpResponse<String> noTick = rapport.postForm("/app/assessment/consent?s=" + s, "");
    assertEquals(400, noTick.statusCode());
    assertTrue(noTick.body().contains("tick the box"), noTick.body());
    expect(303, rapport.postForm("/app/assessment/consent?s=" + s, "agree=yes"));

    HttpResponse<String> which = expect(200, rapport.get("/app/assessment?s=" + s));
    assertTrue(which.body().contains("Which year did you start medical school?"), which.body());
    HttpResponse<String> badYear = rapport.postForm("/app/assessment/cohort?s=" + s, "year=abc");
    assertEquals(400, badYear.statusCode());
    assertTrue(badYear.body().contains("&#39;abc&#39; is not a year"), badYear.body());
    expect(303, rapport.postForm("/app/assessment/cohort?s=" + s, "year=1981"));

    long wave = d.wave(d.devRegistration(), 1981, "Y1");
    HttpResponse<String> nothing = expect(200, rapport.get("/app/assessment?s=" + s));
    assertTrue(nothing.body().contains("Nothing to answer right now"), nothing.body());
    d.open(wave);

    HttpResponse<String> form = expect(200, rapport.get("/app/assessment?s=" + s));
    assertTrue(form.body().contains("name=\"item_18\""), form.body());
    assertTrue(form.body().contains("<fieldset class=\"item\""), form.body());
    assertTrue(form.body().contains("value=\"" + wave + "\""), form.body());

    HttpResponse<String> saved =
        expect(200, d.post(s, "draft", "wave=" + wave + "&item_1=5", true));
    assertEquals(1L, object(saved.body()).get("answered"));
    expect(303, d.post(s, "draft", "wave=" + wave + "&item_2=6&item_3=2", false));
    String reloaded = expect(200, rapport.get("/app/assessment?s=" + s)).body();
    assertTrue(
        checked(reloaded, 1, 5) && checked(reloaded, 2, 6) && checked(reloaded, 3, 2), reloaded);

    HttpResponse<String> incomplete =
        d.post(s, "submit", answers(wave, 5, 6, 2, 4, 4, 4, 4, 4, 4, 4), false);
    assertEquals(400, incomplete.statusCode());
    assertTrue(
        incomplete.body().contains("A few statements are still unanswered"), incomplete.body());
    assertTrue(checked(incomplete.body(), 10, 4), "the posted answers stay on the page");
    assertEquals("DRAFT", responses(d.export(s)).get(0).get("status"));
    assertEquals(10, answersOf(responses(d.export(s)).get(0)).size(), "kept as a draft");

    int[] full = {5, 6, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    HttpResponse<String> submitted = expect(303, d.post(s, "submit", answers(wave, full), false));
    String location = submitted.headers().firstValue("Location").orElseThrow();
    assertTrue(location.contains("done=1"), location);
    HttpResponse<String> results = expect(200, rapport.get("/app/assessment?s=" + s + "&done=1"));
    assertTrue(results.body().contains("Your answers are submitted"), results.body());
    assertTrue(results.body().contains("Your results: End of year 1"), results.body());
    // Keyed: items 5, 7, 9, 11, 15, 16, 17 are reversed (8 − 4 = 4); item 1 = 5, 2 = 6, 3 = 2.
    assertTrue(results.body().contains("<strong>73</strong>"), results.body());
    assertTrue(results.body().contains("<svg"), results.body());
    assertTrue(
        results.body().contains("appears here after this wave has closed, if at least 10"),
        results.body());

    Map<String, Object> export = d.export(s);
    assertEquals(1, responses(export).size());
    Map<String, Object> response = responses(export).get(0);
    assertEquals("SUBMITTED", response.get("status"));
    assertEquals(18, answersOf(response).size());
    assertEquals(1, scoresOf(response).size());
    assertEquals(73L, scoresOf(response).get(0).get("keyedSum"));
    assertEquals("COMPLETE", scoresOf(response).get(0).get("status"));
  }

  @Test
  void aDoubleSubmitIsIdempotentAndOtherAnswersAfterSubmittingAreRefusedLeavingDataUnchanged() {
    AssessmentDriver d = driver();
    String s = studentWithOpenWave(d, unique("twice"), 1982);
    long wave = d.wave(d.devRegistration(), 1982, "Y1");

    HttpResponse<String> first = expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    HttpResponse<String> again = expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    assertEquals(
        first.headers().firstValue("Location"),
        again.headers().firstValue("Location"),
        "a resend gets the same answer");
    Map<String, Object> before = d.export(s);

    int[] changed = ALL_FOURS.clone();
    changed[0] = 7;
    HttpResponse<String> other = d.post(s, "submit", answers(wave, changed), false);
    assertEquals(409, other.statusCode());
    assertTrue(
        other.body().contains("You submitted your answers to this self-assessment on"),
        other.body());
    assertTrue(other.body().contains("cannot be changed"), other.body());
    HttpResponse<String> draftAfter = d.post(s, "draft", "wave=" + wave + "&item_2=1", true);
    assertEquals(409, draftAfter.statusCode());
    assertEquals("ALREADY_SUBMITTED", object(draftAfter.body()).get("reason"));

    Map<String, Object> after = d.export(s);
    assertEquals(1, responses(after).size(), "never a second response");
    assertEquals(answersOf(responses(before).get(0)), answersOf(responses(after).get(0)));
    assertEquals(scoresOf(responses(before).get(0)), scoresOf(responses(after).get(0)));
    assertEquals(4L, answersOf(responses(after).get(0)).get("1"));
  }

  @Test
  void concurrentSubmissionsOfTheSameAnswersStoreOneResponseWithOneScore() throws Exception {
    AssessmentDriver d = driver();
    String s = studentWithOpenWave(d, unique("race"), 1983);
    long wave = d.wave(d.devRegistration(), 1983, "Y1");
    RapportClient rapport = d.rapport();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sent.add(
          http.sendAsync(
              HttpRequest.newBuilder(rapport.uri("/app/assessment/submit?s=" + s))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(answers(wave, ALL_FOURS)))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> f : sent) {
      assertEquals(303, f.get().statusCode(), f.get().body());
    }
    Map<String, Object> export = d.export(s);
    assertEquals(1, responses(export).size());
    assertEquals("SUBMITTED", responses(export).get(0).get("status"));
    assertEquals(1, scoresOf(responses(export).get(0)).size());
  }

  @Test
  void aSubmissionAfterTheWindowClosedIsRefusedAndTheDraftStaysAsItWas() {
    AssessmentDriver d = driver();
    String s = studentWithOpenWave(d, unique("late"), 1984);
    long wave = d.wave(d.devRegistration(), 1984, "Y1");
    expect(200, d.post(s, "draft", "wave=" + wave + "&item_1=3", true));
    expect(200, d.setWindow(wave, today().minusDays(20), today().minusDays(1)));

    HttpResponse<String> late = d.post(s, "submit", answers(wave, ALL_FOURS), false);
    assertEquals(409, late.statusCode());
    assertTrue(late.body().contains("This self-assessment closed on"), late.body());
    assertTrue(late.body().contains("can no longer be saved or submitted"), late.body());
    HttpResponse<String> lateDraft = d.post(s, "draft", "wave=" + wave + "&item_1=6", true);
    assertEquals(409, lateDraft.statusCode());
    assertEquals("CLOSED", object(lateDraft.body()).get("reason"));

    Map<String, Object> response = responses(d.export(s)).get(0);
    assertEquals("DRAFT", response.get("status"));
    assertEquals(Map.of("1", 3L), answersOf(response));
    assertTrue(scoresOf(response).isEmpty());
  }

  @Test
  void anAnswerForAnotherStudentsWaveIsRefusedAndNothingIsStored() {
    AssessmentDriver d = driver();
    String alice = studentWithOpenWave(d, unique("own"), 1985);
    long alicesWave = d.wave(d.devRegistration(), 1985, "Y1");
    expect(200, d.post(alice, "draft", "wave=" + alicesWave + "&item_1=2", true));
    String bob = studentWithOpenWave(d, unique("other"), 1986);

    HttpResponse<String> draft = d.post(bob, "draft", "wave=" + alicesWave + "&item_1=7", true);
    assertEquals(403, draft.statusCode());
    assertTrue(object(draft.body()).get("error").toString().contains("belongs to another class"));
    HttpResponse<String> submit = d.post(bob, "submit", answers(alicesWave, ALL_FOURS), false);
    assertEquals(403, submit.statusCode());
    assertTrue(submit.body().contains("belongs to another class"), submit.body());
    HttpResponse<String> noSuchWave = d.post(bob, "draft", "wave=999999999&item_1=7", true);
    assertEquals(404, noSuchWave.statusCode());

    assertTrue(responses(d.export(bob)).isEmpty(), "nothing stored for the intruder");
    Map<String, Object> alices = responses(d.export(alice)).get(0);
    assertEquals(Map.of("1", 2L), answersOf(alices));
    assertEquals("DRAFT", alices.get("status"));
  }

  @Test
  void facultyAreSentAwayFromTheStudentsSelfAssessment() {
    RapportClient rapport = new RapportClient(deployed);
    String s = DevLaunch.session(rapport, "instructor", unique("ines"), "/app/assessment");
    HttpResponse<String> page = rapport.get("/app/assessment?s=" + s);
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("never individual answers"), page.body());
  }

  @Test
  void launchParametersPlaceTheStudentAndLinkTheirImportedResults() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String pseudonym = unique("LTI");
    assertEquals(
        "COMPLETED",
        d.importCsv(
                tenant,
                "lti.csv",
                header(18) + "\n" + rapportRow(pseudonym, 1999, "MATRICULATION", "", 5))
            .get("state"));
    // Launches link by themselves only where the registration allows it (IdentityIT covers the
    // approval queue).
    expect(
        200,
        rapport.adminPut(
            "/api/admin/identity/registrations/" + tenant + "/policy",
            "{\"launchLinksAllowed\": true, \"teachingAssistantRole\": \"STUDENT\"}"));
    String linked = unique("linked");
    String s =
        DevLaunch.session(
            rapport,
            "student",
            linked,
            "/app/assessment",
            Map.of("rapport_student_id", pseudonym, "rapport_matriculation_year", "1999"));
    Map<String, Object> student = d.studentBySubject(tenant, "dev-student-" + linked);
    assertEquals(pseudonym, student.get("pseudonym"));
    assertEquals(1999L, student.get("cohort"));
    expect(303, rapport.postForm("/app/assessment/consent?s=" + s, "agree=yes"));
    String page = expect(200, rapport.get("/app/assessment?s=" + s)).body();
    assertTrue(page.contains("Your trajectory"), "the imported wave shows: " + page);

    String user = unique("param");
    DevLaunch.session(
        rapport, "student", user, "/app/assessment", Map.of("rapport_matriculation_year", "2000"));
    Map<String, Object> placed = d.studentBySubject(tenant, "dev-student-" + user);
    assertEquals(2000L, placed.get("cohort"));
    assertEquals("LTI", placed.get("cohortSource"));
    DevLaunch.session(
        rapport, "student", user, "/app/assessment", Map.of("rapport_matriculation_year", "2001"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history =
        (List<Map<String, Object>>)
            d.studentBySubject(tenant, "dev-student-" + user).get("cohortHistory");
    assertEquals(2, history.size(), history.toString());
    assertEquals("LTI launch", history.get(1).get("by"));
    assertTrue(history.get(1).get("reason").toString().contains("rapport_matriculation_year=2001"));

    long id = ((Number) placed.get("id")).longValue();
    expect(
        200,
        rapport.adminPut(
            "/api/admin/students/" + id + "/cohort",
            "{\"matriculationYear\": 2003, \"reason\": \"Transferred\"}"));
    String again =
        DevLaunch.session(
            rapport,
            "student",
            user,
            "/app/assessment",
            Map.of("rapport_matriculation_year", "2001"));
    assertEquals(
        2003L,
        d.studentBySubject(tenant, "dev-student-" + user).get("cohort"),
        "the administrator's correction stands");
    String odd =
        DevLaunch.session(
            rapport,
            "student",
            unique("odd"),
            "/app/assessment",
            Map.of("rapport_matriculation_year", "$Canvas.user.sisid"));
    assertEquals(
        200,
        rapport.get("/app/assessment?s=" + odd).statusCode(),
        "an unreadable value never breaks a launch");
    assertEquals(200, rapport.get("/app/assessment?s=" + again).statusCode());
  }

  // ---- instruments, templates, cohorts, waves

  @Test
  void withoutLicensedTextsTheJseCannotBeScheduledAndEveryPlaceSaysWhy() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    Map<String, Object> jse =
        array(expect(200, rapport.adminGet("/api/admin/instruments")).body()).stream()
            .filter(i -> "jse-s".equals(i.get("id")))
            .findFirst()
            .orElseThrow();
    assertEquals(false, jse.get("schedulable"));
    assertEquals(JSE_REASON, jse.get("unschedulableReason"));
    assertEquals(List.of(), jse.get("ratedBy"));
    Map<String, Object> observerForm =
        array(expect(200, rapport.adminGet("/api/admin/instruments")).body()).stream()
            .filter(i -> "rapport-observed-observer".equals(i.get("id")))
            .findFirst()
            .orElseThrow();
    assertEquals(false, observerForm.get("schedulable"));
    assertEquals(List.of("faculty", "peer"), observerForm.get("ratedBy"));

    long tenant = d.devRegistration();
    HttpResponse<String> template =
        rapport.adminPut(
            "/api/admin/registrations/" + tenant + "/schedule-template",
            "{\"anchor\": \"08-01\", \"stages\": [{\"stage\": \"Y1\", \"offsetMonths\": 9,"
                + " \"windowDays\": 30, \"instrument\": \"jse-s\", \"version\": 1}]}");
    assertEquals(409, template.statusCode(), template.body());
    assertEquals(JSE_REASON, object(template.body()).get("error"));

    HttpResponse<String> mixed =
        rapport.adminPut(
            "/api/admin/registrations/" + tenant + "/schedule-template",
            "{\"anchor\": \"08-01\", \"stages\": [{\"stage\": \"Y9\", \"offsetMonths\": 9,"
                + " \"windowDays\": 30, \"instrument\": \"jse-s\"}]}");
    assertEquals(400, mixed.statusCode(), mixed.body());
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) object(mixed.body()).get("problems");
    assertTrue(problems.contains(JSE_REASON), problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("stages[0].stageLabel: give the name people read for Y9")),
        problems.toString());

    String s = DevLaunch.session(rapport, "student", unique("jse"), "/app/assessment");
    d.consentAndYear(s, 1987);
    long cohort = ((Number) d.cohort(tenant, 1987).get("id")).longValue();
    HttpResponse<String> wave =
        rapport.adminPost(
            "/api/admin/cohorts/" + cohort + "/waves",
            "{\"stage\": \"PGY1\", \"opens\": \"2026-01-01\", \"closes\": \"2026-01-31\","
                + " \"instrument\": \"jse-s\", \"version\": 1}");
    // PGY1 exists from the standard schedule, so change it instead: still refused with the reason.
    long pgy1 = d.wave(tenant, 1987, "PGY1");
    HttpResponse<String> change =
        rapport.adminPut(
            "/api/admin/waves/" + pgy1,
            "{\"opens\": \"2026-01-01\", \"closes\": \"2026-01-31\", \"instrument\": \"jse-s\"}");
    assertEquals(409, change.statusCode(), change.body());
    assertEquals(JSE_REASON, object(change.body()).get("error"));
    assertEquals(400, wave.statusCode(), wave.body());
    assertTrue(wave.body().contains(JSE_REASON), wave.body());

    HttpResponse<String> page =
        rapport.get("/admin/assessments", "Authorization", rapport.adminAuthorization());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(JSE_REASON), page.body());
  }

  @Test
  void aTenantsScheduleTemplateCreatesTheWavesOfEveryNewCohort() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    long tenant = d.newTenant();
    Map<String, Object> standard =
        object(
            expect(
                    200,
                    rapport.adminGet("/api/admin/registrations/" + tenant + "/schedule-template"))
                .body());
    assertEquals(false, standard.get("custom"));

    HttpResponse<String> bad =
        rapport.adminPut(
            "/api/admin/registrations/" + tenant + "/schedule-template",
            "{\"anchor\": \"13-45\", \"stages\": [{\"stage\": \"Y2\", \"offsetMonths\": 21,"
                + " \"windowDays\": 0, \"instrument\": \"nope\"}, {\"stage\": \"Y1\","
                + " \"offsetMonths\": 300, \"windowDays\": 30, \"instrument\": \"rapport-empathy\","
                + " \"version\": 9}, {\"stage\": \"Y3\", \"offsetMonths\": 33, \"windowDays\": 30,"
                + " \"instrument\": \"rapport-observed-patient\"}]}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(
        List.of(
            "anchor: '13-45' is not a month and day; write the matriculation day as MM-DD, e.g."
                + " 08-01.",
            "stages[0].windowDays: 0 is outside 1–366 days.",
            "stages[0].instrument: no instrument 'nope' is installed; installed: jse-s,"
                + " rapport-empathy, test-scale.",
            "stages[1].offsetMonths: 300 is outside 0–240 months.",
            "stages[1].instrument: rapport-empathy has no version 9; installed versions: 1, 2.",
            "stages[2].instrument: Observed (patient) is a rating form that standardized patients"
                + " fill in about a student; it cannot be a self-assessment; choose a"
                + " self-assessment instrument: rapport-empathy, test-scale."),
        object(bad.body()).get("problems"));

    expect(
        200,
        rapport.adminPut(
            "/api/admin/registrations/" + tenant + "/schedule-template",
            "{\"anchor\": \"09-01\", \"stages\": [{\"stage\": \"MATRICULATION\","
                + " \"offsetMonths\": 0, \"windowDays\": 30, \"instrument\": \"rapport-empathy\"},"
                + " {\"stage\": \"Y1\", \"offsetMonths\": 10, \"windowDays\": 14, \"instrument\":"
                + " \"rapport-empathy\", \"version\": 1}]}"));
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/cohorts",
            "{\"registrationId\": " + tenant + ", \"matriculationYear\": 2026}");
    assertEquals(201, created.statusCode(), created.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> waves =
        (List<Map<String, Object>>) object(created.body()).get("waves");
    assertEquals(2, waves.size());
    assertEquals("MATRICULATION", waves.get(0).get("stage"));
    assertEquals("2026-09-01", waves.get(0).get("opens"));
    assertEquals("2026-09-30", waves.get(0).get("closes"));
    assertEquals("2027-07-01", waves.get(1).get("opens"));
    assertEquals("2027-07-14", waves.get(1).get("closes"));

    HttpResponse<String> twice =
        rapport.adminPost(
            "/api/admin/cohorts",
            "{\"registrationId\": " + tenant + ", \"matriculationYear\": 2026}");
    assertEquals(409, twice.statusCode());
    HttpResponse<String> invalid =
        rapport.adminPost("/api/admin/cohorts", "{\"matriculationYear\": 3000}");
    assertEquals(400, invalid.statusCode());
    assertEquals(
        List.of(
            "registrationId: give the tenant's registration id.",
            "matriculationYear: 3000 is not a plausible matriculation year (1950–"
                + (today().getYear() + 1)
                + ")."),
        object(invalid.body()).get("problems"));

    long y1 = ((Number) waves.get(1).get("id")).longValue();
    HttpResponse<String> backwards =
        rapport.adminPut(
            "/api/admin/waves/" + y1, "{\"opens\": \"2027-07-10\", \"closes\": \"2027-07-01\"}");
    assertEquals(400, backwards.statusCode());
    assertTrue(
        backwards.body().contains("closes: 2027-07-01 is before the opening day 2027-07-10."));
  }

  @Test
  void anAdministratorCorrectsACohortAndTheMoveIsRecordedWithWhoAndWhy() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    String user = unique("move");
    String s = DevLaunch.session(rapport, "student", user, "/app/assessment");
    d.consentAndYear(s, 1988);
    long tenant = d.devRegistration();
    Map<String, Object> student = d.studentBySubject(tenant, "dev-student-" + user);
    long id = ((Number) student.get("id")).longValue();
    assertEquals(1988L, student.get("cohort"));
    assertEquals("SELF", student.get("cohortSource"));

    HttpResponse<String> noReason =
        rapport.adminPut("/api/admin/students/" + id + "/cohort", "{\"matriculationYear\": 1989}");
    assertEquals(400, noReason.statusCode());
    assertTrue(noReason.body().contains("reason: say why the student moves"), noReason.body());

    Map<String, Object> moved =
        object(
            expect(
                    200,
                    rapport.adminPut(
                        "/api/admin/students/" + id + "/cohort",
                        "{\"matriculationYear\": 1989, \"reason\": \"Repeating year 1\"}"))
                .body());
    assertEquals(1989L, moved.get("cohort"));
    assertEquals("ADMIN", moved.get("cohortSource"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) moved.get("cohortHistory");
    assertEquals(2, history.size());
    assertEquals(1988L, history.get(0).get("to"));
    assertEquals("the student", history.get(0).get("by"));
    assertEquals(1988L, history.get(1).get("from"));
    assertEquals(1989L, history.get(1).get("to"));
    assertEquals("admin admin", history.get(1).get("by"));
    assertEquals("Repeating year 1", history.get(1).get("reason"));

    // The student can no longer change it themselves.
    expect(303, rapport.postForm("/app/assessment/cohort?s=" + s, "year=1990"));
    assertEquals(1989L, d.studentBySubject(tenant, "dev-student-" + user).get("cohort"));

    List<Map<String, Object>> audit =
        array(expect(200, rapport.adminGet("/api/admin/audit?student=" + id)).body());
    assertTrue(
        audit.stream().anyMatch(a -> "COHORT_CORRECTED".equals(a.get("action"))), audit.toString());
  }

  @Test
  void anAdministratorDeletesAStudentsDataAndTheDeletionIsAudited() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    String user = unique("gone");
    String s = studentWithOpenWave(d, user, 1991);
    long wave = d.wave(d.devRegistration(), 1991, "Y1");
    expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    Map<String, Object> export = d.export(s);
    assertEquals(1, responses(export).size());
    long tenant = d.devRegistration();
    long id = ((Number) d.studentBySubject(tenant, "dev-student-" + user).get("id")).longValue();

    Map<String, Object> deleted =
        object(expect(200, rapport.adminDelete("/api/admin/students/" + id)).body());
    assertEquals(1L, deleted.get("responses"));
    assertEquals(404, rapport.adminGet("/api/admin/students/" + id).statusCode());
    assertEquals(404, rapport.adminDelete("/api/admin/students/" + id).statusCode());
    assertEquals(401, rapport.get("/app/assessment?s=" + s).statusCode(), "the session ended");
    String again = DevLaunch.session(rapport, "student", user, "/app/assessment");
    HttpResponse<String> page = expect(200, rapport.get("/app/assessment?s=" + again));
    assertTrue(page.body().contains("Before you start"), "the student starts afresh");

    List<Map<String, Object>> audit =
        array(expect(200, rapport.adminGet("/api/admin/audit?student=" + id)).body());
    List<Object> actions = audit.stream().map(a -> a.get("action")).toList();
    assertTrue(actions.contains("STUDENT_DATA_DELETED"), actions.toString());
    assertTrue(actions.contains("STUDENT_EXPORTED_OWN_DATA"), actions.toString());
  }

  /** Every table that can hold something about one student, and how the test looks for it. */
  private static final List<String> PERSONAL_TABLES =
      List.of(
          "student (by id and by LMS subject)",
          "assessment_response (by student id)",
          "assessment_answer (by the student's response ids)",
          "assessment_score and assessment_subscale_score (by the student's response ids)",
          "cohort_move (by student id)",
          "learner (by id and by subject: name and email)",
          "membership (by learner id)",
          "module_progress (by learner id) and module_step_result (by its progress ids)",
          "reflection_entry (by learner id)",
          "step_draft (by learner id)",
          "score_outbox (by learner id)",
          "deep_link_request (by learner id)",
          "tool_session (by learner id)",
          "student_link_request (by LMS subject and by pseudonym)",
          "launch_log (detail naming the subject)",
          "import_problem (messages naming the pseudonym)",
          "audit_log (detail naming the pseudonym or the subject)");

  @Test
  void deletingAStudentLeavesNothingPersonalInAnyTableAndWritesOneAuditRow() throws Exception {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    String user = unique("erase");
    String subject = "dev-student-" + user;
    String s = studentWithOpenWave(d, user, 1991);
    long wave = d.wave(d.devRegistration(), 1991, "Y1");
    expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    org.rapport.curriculum.modules.Module module =
        org.rapport.curriculum.modules.ModuleCatalog.load(null).all().stream()
            .filter(
                m ->
                    m.steps().stream()
                        .anyMatch(
                            st -> st instanceof org.rapport.curriculum.modules.ReflectionStep))
            .findFirst()
            .orElseThrow();
    new org.rapport.lti.testdata.ModuleWalker(rapport, s).complete(module);
    org.rapport.curriculum.modules.Step reflection =
        module.steps().stream()
            .filter(st -> st instanceof org.rapport.curriculum.modules.ReflectionStep)
            .findFirst()
            .orElseThrow();
    String draftText = "an unsaved draft " + user;
    expect(
        200,
        rapport.postForm(
            "/app/modules/" + module.id() + "/steps/" + reflection.id() + "/draft?s=" + s,
            "text="
                + java.net.URLEncoder.encode(draftText, java.nio.charset.StandardCharsets.UTF_8),
            "Accept",
            "application/json"));
    long tenant = d.devRegistration();
    Map<String, Object> record = d.studentBySubject(tenant, subject);
    long id = ((Number) record.get("id")).longValue();
    String pseudonym = (String) record.get("pseudonym");
    String adminExport =
        expect(200, rapport.adminGet("/api/admin/students/" + id + "/export")).body();
    assertTrue(
        adminExport.contains("\"step\":\"" + reflection.id() + "\""),
        "the export lists the draft: " + adminExport);
    assertFalse(adminExport.contains(draftText), "but never its text");

    long learner;
    List<Long> responseIds;
    List<Long> progressIds;
    try (java.sql.Connection c = ItDatabase.connect()) {
      learner =
          ids(
                  c,
                  "SELECT id FROM learner WHERE registration_id = " + tenant + " AND subject = ?",
                  subject)
              .get(0);
      responseIds = ids(c, "SELECT id FROM assessment_response WHERE student_id = " + id, null);
      progressIds = ids(c, "SELECT id FROM module_progress WHERE learner_id = " + learner, null);
      assertEquals(1, responseIds.size());
      assertEquals(
          ALL_FOURS.length,
          ids(
                  c,
                  "SELECT item FROM assessment_answer WHERE response_id = " + responseIds.get(0),
                  null)
              .size(),
          "a row per answered item before the deletion");
      assertFalse(progressIds.isEmpty(), "module progress exists before the deletion");
      assertFalse(
          ids(c, "SELECT id FROM reflection_entry WHERE learner_id = " + learner, null).isEmpty());
      assertFalse(
          ids(c, "SELECT id FROM step_draft WHERE learner_id = " + learner, null).isEmpty());
      assertFalse(
          ids(c, "SELECT id FROM membership WHERE learner_id = " + learner, null).isEmpty());
      // An earlier import's problem list that quotes the pseudonym, as an import reports a row
      // placing the student in another cohort.
      try (java.sql.Statement insert = c.createStatement()) {
        insert.executeUpdate(
            "INSERT INTO import_job (registration_id, file_name, file_sha256, state, rows_total,"
                + " rows_processed, rows_imported, rows_unchanged, problem_count, requested_by,"
                + " created_at) VALUES ("
                + tenant
                + ", 'old.csv', 'erase-"
                + id
                + "', 'FAILED', 1, 1, 0, 0, 1, 'admin', CURRENT_TIMESTAMP)");
        insert.executeUpdate(
            "INSERT INTO import_problem (job_id, seq, file_row, column_name, message)"
                + " SELECT id, 1, 2, 'student_id', 'student "
                + pseudonym
                + " is in another cohort' FROM import_job WHERE file_sha256 = 'erase-"
                + id
                + "'");
      }
      assertEquals(
          1,
          ids(
                  c,
                  "SELECT job_id FROM import_problem WHERE POSITION('"
                      + pseudonym
                      + "' IN message) > 0 OR CAST(? AS VARCHAR(300)) IS NULL",
                  subject)
              .size(),
          "an import problem names the student before the deletion");
    }

    Map<String, Object> deleted =
        object(expect(200, rapport.adminDelete("/api/admin/students/" + id)).body());
    assertEquals(1L, deleted.get("responses"));

    String in = responseIds.isEmpty() ? "-1" : responseIds.get(0).toString();
    String progress = String.join(",", progressIds.stream().map(String::valueOf).toList());
    try (java.sql.Connection c = ItDatabase.connect()) {
      Map<String, String> checks = new java.util.LinkedHashMap<>();
      checks.put("student", "SELECT id FROM student WHERE id = " + id + " OR lms_subject = ?");
      checks.put(
          "assessment_response",
          "SELECT id FROM assessment_response WHERE student_id = "
              + id
              + " OR id = "
              + in
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "assessment_answer",
          "SELECT response_id FROM assessment_answer WHERE response_id = "
              + in
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "assessment_score",
          "SELECT response_id FROM assessment_score WHERE response_id = "
              + in
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "assessment_subscale_score",
          "SELECT response_id FROM assessment_subscale_score"
              + " WHERE response_id = "
              + in
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "cohort_move",
          "SELECT id FROM cohort_move WHERE student_id = "
              + id
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put("learner", "SELECT id FROM learner WHERE id = " + learner + " OR subject = ?");
      checks.put(
          "membership",
          "SELECT id FROM membership WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "module_progress",
          "SELECT id FROM module_progress WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "module_step_result",
          "SELECT id FROM module_step_result WHERE progress_id IN ("
              + progress
              + ") OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "reflection_entry",
          "SELECT id FROM reflection_entry WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "step_draft",
          "SELECT id FROM step_draft WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "score_outbox",
          "SELECT id FROM score_outbox WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "deep_link_request",
          "SELECT 1 FROM deep_link_request WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "tool_session",
          "SELECT id FROM tool_session WHERE learner_id = "
              + learner
              + " OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put(
          "student_link_request",
          "SELECT id FROM student_link_request WHERE learner_subject = ? OR pseudonym = '"
              + pseudonym
              + "'");
      checks.put("launch_log", "SELECT id FROM launch_log WHERE POSITION(? IN detail) > 0");
      checks.put(
          "import_problem",
          "SELECT job_id FROM import_problem WHERE POSITION('"
              + pseudonym
              + "' IN message) > 0 OR CAST(? AS VARCHAR(300)) IS NULL");
      checks.put("audit_log (subject)", "SELECT id FROM audit_log WHERE POSITION(? IN detail) > 0");
      checks.put(
          "audit_log (pseudonym)",
          "SELECT id FROM audit_log WHERE POSITION('"
              + pseudonym
              + "' IN detail) > 0 OR CAST(? AS VARCHAR(300)) IS NULL");
      assertEquals(PERSONAL_TABLES.size() + 3, checks.size(), "every listed table is checked");
      for (Map.Entry<String, String> check : checks.entrySet()) {
        assertEquals(
            List.of(), ids(c, check.getValue(), subject), check.getKey() + " still holds data");
      }
    }
    List<Map<String, Object>> audit =
        array(expect(200, rapport.adminGet("/api/admin/audit?student=" + id)).body());
    List<Map<String, Object>> deletions =
        audit.stream().filter(a -> "STUDENT_DATA_DELETED".equals(a.get("action"))).toList();
    assertEquals(1, deletions.size(), audit.toString());
    String detail = String.valueOf(deletions.get(0).get("detail"));
    assertTrue(detail.contains("1 self-assessment responses"), detail);
    assertTrue(detail.contains("1 LMS user records (name, email)"), detail);
    assertTrue(detail.matches(".*[1-9][0-9]* reflections.*"), detail);
    assertTrue(detail.contains("1 drafts of module answers and reflections"), detail);
    assertTrue(detail.matches(".*[1-9][0-9]* module progress records.*"), detail);
    assertTrue(detail.matches(".*[1-9][0-9]* course memberships.*"), detail);
    assertFalse(detail.contains(pseudonym), detail);
  }

  /** The first column of every row {@code sql} finds; one {@code ?} is bound to {@code value}. */
  private static List<Long> ids(java.sql.Connection c, String sql, String value)
      throws java.sql.SQLException {
    try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        s.setString(1, value);
      }
      List<Long> out = new ArrayList<>();
      try (java.sql.ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    }
  }

  // ---- imports, exports, scores

  @Test
  void anImportWithBadRowsReportsEachByRowAndColumnAndImportsNothing() {
    AssessmentDriver d = driver();
    long tenant = d.devRegistration();
    String csv =
        header(18)
            + "\n"
            + rapportRow("BAD-1", 1992, "Y1", "2020-05-01", 4)
            + "\n"
            + rapportRow("BAD-2", 1992, "Y9", "2020-05-01", 4)
            + "\n"
            + rapportRow("BAD-3", 1992, "Y1", "2020-05-01", 4).replaceFirst(",4,4,", ",4,9,")
            + "\n"
            + rapportRow("BAD-1", 1992, "Y1", "2020-05-01", 5)
            + "\n";
    Map<String, Object> job = d.importCsv(tenant, "bad-rows.csv", csv);
    assertEquals("FAILED", job.get("state"));
    assertEquals(0L, job.get("rowsImported"));
    assertEquals(3L, job.get("problemCount"));
    assertEquals(
        List.of(
            Map.of(
                "row",
                3L,
                "column",
                "stage",
                "message",
                "'Y9' is not a training stage; use one of MATRICULATION, Y1, Y2, Y3, Y4,"
                    + " GRADUATION, PGY1, PGY2, PGY3"),
            Map.of("row", 4L, "column", "item_2", "message", "answer 9 is outside the scale 1–7"),
            Map.of(
                "row", 5L,
                "column", "student_id",
                "message", "repeats the result of row 2 (same student, stage and instrument)")),
        job.get("problems"));
    assertTrue(
        job.get("message").toString().startsWith("Nothing was imported: 3 problems in 3 rows."));

    HttpResponse<String> cohorts =
        d.rapport().adminGet("/api/admin/cohorts?registration=" + tenant);
    assertFalse(cohorts.body().contains("\"matriculationYear\":1992"), "no cohort was created");
    assertEquals(
        404,
        d.rapport()
            .adminGet("/api/admin/students?registration=" + tenant + "&pseudonym=BAD-1")
            .statusCode());

    HttpResponse<String> page =
        d.rapport()
            .get(
                "/admin/imports/" + job.get("id"),
                "Authorization",
                d.rapport().adminAuthorization());
    assertTrue(page.body().contains("answer 9 is outside the scale 1–7"), page.body());
  }

  @Test
  void reimportingTheSameFileChangesNothingAndDifferentResultsAreRefused() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String csv =
        "student_id,cohort,stage,instrument,version,completed_on,total,subscale_cognitive,"
            + "subscale_affective,subscale_compassionate-action\n"
            + "RE-1,1993,MATRICULATION,rapport-empathy,1,2019-09-01,80.5,27,26.5,27\n"
            + "RE-1,1993,Y1,rapport-empathy,1,,88,,,\n"
            + "RE-2,1993,Y1,rapport-empathy,1,2020-05-02,70,,,\n";
    Map<String, Object> first = d.importCsv(tenant, "scores.csv", csv);
    assertEquals("COMPLETED", first.get("state"), first.toString());
    assertEquals(3L, first.get("rowsImported"));

    Map<String, Object> again = d.importCsv(tenant, "scores.csv", csv);
    assertEquals("UNCHANGED", again.get("state"), again.toString());
    assertEquals(0L, again.get("rowsImported"));
    assertTrue(
        again
            .get("message")
            .toString()
            .contains("imported before (import " + first.get("id") + ")"));

    Map<String, Object> grown =
        d.importCsv(
            tenant, "scores-and-one-more.csv", csv + "RE-3,1993,Y1,rapport-empathy,1,,71,,,\n");
    assertEquals("COMPLETED", grown.get("state"), grown.toString());
    assertEquals(1L, grown.get("rowsImported"));
    assertEquals(3L, grown.get("rowsUnchanged"));

    Map<String, Object> conflicting =
        d.importCsv(tenant, "changed.csv", csv.replace(",88,", ",90,"));
    assertEquals("FAILED", conflicting.get("state"));
    assertEquals(
        List.of(
            Map.of(
                "row",
                3L,
                "column",
                "student_id",
                "message",
                "student RE-1 already has a different result for Y1 with rapport-empathy"
                    + " (imported earlier); delete that student's data first if this file is"
                    + " right")),
        conflicting.get("problems"));

    Map<String, Object> re1 =
        object(
            rapport
                .adminGet("/api/admin/students?registration=" + tenant + "&pseudonym=RE-1")
                .body());
    assertEquals(2L, re1.get("responses"));
    assertEquals("IMPORT", re1.get("cohortSource"));

    HttpResponse<String> research =
        rapport.adminGet("/api/admin/exports/responses.csv?registration=" + tenant, "text/csv");
    assertEquals(200, research.statusCode(), research.body());
    assertTrue(research.body().startsWith("research_id,cohort,stage,instrument,version,source,"));
    long rows1993 = research.body().lines().filter(l -> l.contains(",1993,")).count();
    assertEquals(4, rows1993, research.body());
    assertFalse(research.body().contains("RE-1"), "no pseudonymous id in the research export");
    assertFalse(research.body().contains("dev-student"), "no LMS user in the research export");
    assertTrue(
        research.body().contains(",1993,MATRICULATION,rapport-empathy,1,import,1,GIVEN,80.5,"),
        research.body());
    List<Map<String, Object>> audit =
        array(rapport.adminGet("/api/admin/audit?registration=" + tenant).body());
    assertTrue(audit.stream().anyMatch(a -> "RESEARCH_EXPORT".equals(a.get("action"))));
    assertTrue(audit.stream().anyMatch(a -> "RESULTS_IMPORTED".equals(a.get("action"))));
  }

  @Test
  void aFileCanBeUploadedAsAMultipartForm() {
    AssessmentDriver d = driver();
    long tenant = d.devRegistration();
    String csv = header(18) + "\r\n" + rapportRow("MP-1", 1994, "Y2", "2021-05-03", 3) + "\r\n";
    String boundary = "----rapport" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"registration\"\r\n\r\n"
            + tenant
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mp.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> accepted =
        d.rapport()
            .send(
                HttpRequest.newBuilder(d.rapport().uri("/api/admin/imports"))
                    .header("Authorization", d.rapport().adminAuthorization())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
    assertEquals(202, accepted.statusCode(), accepted.body());
    assertTrue(
        accepted.headers().firstValue("Location").orElseThrow().contains("/api/admin/imports/"));
    Map<String, Object> job = d.awaitJob(((Number) object(accepted.body()).get("id")).longValue());
    assertEquals("COMPLETED", job.get("state"), job.toString());
    assertEquals("mp.csv", job.get("fileName"));
    assertEquals(1L, job.get("rowsTotal"));
    assertEquals(1L, job.get("rowsProcessed"));
  }

  @Test
  void theClassAverageAppearsOnlyOnceTheWaveHasClosedWithEnoughAnswers() {
    AssessmentDriver d = driver();
    long tenant = d.devRegistration();
    StringBuilder others = new StringBuilder(header(18)).append('\n');
    for (int i = 1; i <= 8; i++) {
      others.append(rapportRow("AVG-" + i, 1995, "Y1", "", 5, 2)).append('\n');
    }
    assertEquals("COMPLETED", d.importCsv(tenant, "eight.csv", others.toString()).get("state"));
    String s = studentWithOpenWave(d, unique("avg"), 1995);
    long wave = d.wave(tenant, 1995, "Y1");
    expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    String nine = expect(200, d.rapport().get("/app/assessment?s=" + s)).body();
    assertTrue(nine.contains("appears here after this wave has closed, if at least 10"), nine);
    assertFalse(nine.contains("Cohort average"), "no average in the chart either");

    assertEquals(
        "COMPLETED",
        d.importCsv(
                tenant, "tenth.csv", header(18) + "\n" + rapportRow("AVG-9", 1995, "Y1", "", 5, 2))
            .get("state"));
    String open = expect(200, d.rapport().get("/app/assessment?s=" + s)).body();
    assertFalse(open.contains("Your class average at this stage"), "not while the wave is open");

    expect(200, d.setWindow(wave, today().minusDays(40), today().minusDays(1)));
    expect(200, d.rapport().adminPost("/api/admin/alerts/" + tenant + "/evaluate", ""));
    String ten = expect(200, d.rapport().get("/app/assessment?s=" + s)).body();
    // The wave uses version 2 (9 of 18 items reversed): eight and one more answered 5 to
    // everything (9 × 5 + 9 × 3 = 72 keyed), the student 4 to everything (72).
    assertTrue(ten.contains("(cohort average 72"), "the chart describes the average: " + ten);
  }

  @Test
  void reliabilityIsWithheldForSmallGroupsAndReportedForLargerOnes() {
    AssessmentDriver d = driver();
    long tenant = d.devRegistration();
    StringBuilder csv = new StringBuilder(header(18)).append('\n');
    java.util.Random random = new java.util.Random(7);
    List<String> sheets = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      // New waves use version 2, whose reversed items are 7–10 and 14–18.
      StringBuilder row = new StringBuilder("REL-" + i + ",1996,Y2,rapport-empathy,2,");
      StringBuilder sheet = new StringBuilder();
      int level = 2 + random.nextInt(5);
      for (int item = 1; item <= 18; item++) {
        boolean reversed = List.of(7, 8, 9, 10, 14, 15, 16, 17, 18).contains(item);
        int answer = Math.max(1, Math.min(7, level + random.nextInt(3) - 1));
        sheet.append(',').append(reversed ? 8 - answer : answer);
      }
      csv.append(row).append(sheet).append('\n');
      sheets.add(sheet.toString());
    }
    assertEquals("COMPLETED", d.importCsv(tenant, "reliability.csv", csv.toString()).get("state"));
    String research =
        expect(
                200,
                d.rapport()
                    .adminGet(
                        "/api/admin/exports/responses.csv?registration="
                            + tenant
                            + "&instrument=rapport-empathy",
                        "text/csv"))
            .body();
    List<String> exported =
        research
            .lines()
            .filter(l -> l.contains(",1996,Y2,rapport-empathy,2,"))
            .map(l -> l.substring(l.length() - sheets.get(0).length()))
            .sorted()
            .toList();
    assertEquals(
        sheets.stream().sorted().toList(), exported, "the research export has every answer");
    long wave = d.wave(tenant, 1996, "Y2");
    Map<String, Object> alpha =
        object(
            expect(200, d.rapport().adminGet("/api/admin/waves/" + wave + "/reliability")).body());
    assertEquals(12L, alpha.get("completeResponses"));
    assertEquals(false, alpha.get("withheld"));
    double total = ((Number) alpha.get("total")).doubleValue();
    assertTrue(total > 0.8 && total <= 1.0, "consistent answers give a high alpha: " + total);

    long empty = d.wave(tenant, 1996, "Y3");
    Map<String, Object> none =
        object(
            expect(200, d.rapport().adminGet("/api/admin/waves/" + empty + "/reliability")).body());
    assertEquals(true, none.get("withheld"));
    assertEquals(null, none.get("total"));
  }

  @Test
  void reScoringWithANewDefinitionVersionIsExplicitAndKeepsEveryScore() {
    AssessmentDriver d = driver();
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String csv =
        "student_id,cohort,stage,instrument,version,item_1,item_2,item_3,item_4\n"
            + "RS-1,1997,Y1,test-scale,1,5,4,1,3\n";
    assertEquals("COMPLETED", d.importCsv(tenant, "test-scale.csv", csv).get("state"));

    HttpResponse<String> unknown =
        rapport.adminPost(
            "/api/admin/rescoring",
            "{\"instrument\": \"test-scale\", \"fromVersion\": 1, \"toVersion\": 5}");
    assertEquals(400, unknown.statusCode());
    Map<String, Object> run =
        object(
            expect(
                    200,
                    rapport.adminPost(
                        "/api/admin/rescoring",
                        "{\"instrument\": \"test-scale\", \"fromVersion\": 1, \"toVersion\": 2}"))
                .body());
    assertTrue(((Number) run.get("rescored")).intValue() >= 1, run.toString());
    Map<String, Object> rerun =
        object(
            expect(
                    200,
                    rapport.adminPost(
                        "/api/admin/rescoring",
                        "{\"instrument\": \"test-scale\", \"fromVersion\": 1, \"toVersion\": 2}"))
                .body());
    assertEquals(0L, rerun.get("rescored"), "running it again changes nothing");

    long id =
        ((Number)
                object(
                        rapport
                            .adminGet(
                                "/api/admin/students?registration=" + tenant + "&pseudonym=RS-1")
                            .body())
                    .get("id"))
            .longValue();
    Map<String, Object> export =
        object(expect(200, rapport.adminGet("/api/admin/students/" + id + "/export")).body());
    List<Map<String, Object>> scores = scoresOf(responses(export).get(0));
    assertEquals(2, scores.size());
    // Version 1: item 3 reversed (6 − 1 = 5): 5 + 4 + 5 + 3 = 17. Version 2: 5 + 4 + 1 + 3 = 13.
    assertEquals(1L, scores.get(0).get("scoredWithVersion"));
    assertEquals(17L, scores.get(0).get("keyedSum"));
    assertEquals(false, scores.get(0).get("current"));
    assertEquals(2L, scores.get(1).get("scoredWithVersion"));
    assertEquals(13L, scores.get(1).get("keyedSum"));
    assertEquals(true, scores.get(1).get("current"));
    List<Map<String, Object>> runs = array(rapport.adminGet("/api/admin/rescoring").body());
    assertTrue(
        runs.stream().anyMatch(r -> "test-scale".equals(r.get("instrument"))), runs.toString());
  }

  @Test
  void aStudentDownloadsTheirOwnDataAsCsvAndTheAccessIsAudited() {
    AssessmentDriver d = driver();
    String user = unique("csv");
    String s = studentWithOpenWave(d, user, 1998);
    long wave = d.wave(d.devRegistration(), 1998, "Y1");
    expect(303, d.post(s, "submit", answers(wave, ALL_FOURS), false));
    HttpResponse<String> csv = d.rapport().get("/app/assessment/export?s=" + s + "&format=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    List<String> lines = csv.body().lines().toList();
    assertEquals(2, lines.size(), csv.body());
    assertTrue(lines.get(0).startsWith("pseudonym,cohort,stage,instrument,version,status,"));
    assertTrue(lines.get(1).contains(",1998,Y1,rapport-empathy,2,SUBMITTED,"), lines.get(1));
    long id =
        ((Number) d.studentBySubject(d.devRegistration(), "dev-student-" + user).get("id"))
            .longValue();
    List<Map<String, Object>> audit =
        array(d.rapport().adminGet("/api/admin/audit?student=" + id).body());
    assertTrue(
        audit.stream()
            .anyMatch(
                a ->
                    "STUDENT_EXPORTED_OWN_DATA".equals(a.get("action"))
                        && "STUDENT".equals(a.get("actorKind"))),
        audit.toString());
  }

  // ---- helpers

  /** Whether item {@code item}'s radio with value {@code value} is checked on the page. */
  static boolean checked(String html, int item, int value) {
    Matcher m =
        Pattern.compile("name=\"item_" + item + "\" value=\"" + value + "\"( checked)?")
            .matcher(html);
    return m.find() && m.group(1) != null;
  }
}
