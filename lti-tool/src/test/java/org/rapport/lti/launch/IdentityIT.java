package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.expect;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.LmsHttpServer;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Identity binding of launches and the sessions of launched users, over real HTTP against the
 * deployed WAR: login CSRF through platform storage, student linking with administrator approval,
 * roles from course membership only, and server-side sessions behind personal-data-free tokens.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {
  private static final String CLIENT = "client-identity";
  private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  private static final String TA =
      "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
  private static final String INSTITUTION_INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor";
  private static final Pattern REDIRECT = Pattern.compile("data-redirect=\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("[?&]s=([A-Za-z0-9._-]+)");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private static LtiTestPlatform platform;
  private static long registration;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LtiTestPlatform.start();
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  private RapportClient rapport() {
    RapportClient rapport = new RapportClient(deployed);
    synchronized (IdentityIT.class) {
      if (registration == 0) {
        registration =
            LaunchIT.register(rapport, platform, "Identity", CLIENT, "ACCEPT_ON_FIRST_SIGHT");
      }
    }
    return rapport;
  }

  // --- Login CSRF through platform storage -------------------------------------------------

  @Test
  void anAttackersOwnTokenPostedFromAnotherSiteSignsNobodyIn() throws Exception {
    RapportClient rapport = rapport();
    String attacker = "attacker-" + UUID.randomUUID();
    // The attacker logs in at the LMS themselves and keeps their valid id_token and state...
    String[] login = storageLogin(rapport, attacker);
    String token =
        platform.sign(
            platform.launchClaims(CLIENT, attacker, login[1], rapport.base() + "/app").build());
    String form = form(token, login[0]) + "&stored_state=" + enc(login[0]);
    // ...and makes the victim's browser post them: another site's Origin, no state cookie.
    for (String origin : new String[] {"https://attacker.example", "null", null}) {
      HttpResponse<String> answer = post(rapport, form, origin);
      assertEquals(401, answer.statusCode(), origin + ": " + answer.body());
      assertTrue(
          answer.body().contains(LaunchFailure.STORED_STATE_FOREIGN_ORIGIN.name()), answer.body());
      assertTrue(answer.headers().firstValue("Location").isEmpty());
      assertFalse(answer.body().contains("?s="), answer.body());
    }
    assertEquals(0, count("select count(*) from learner where subject = ?", attacker));
    assertEquals(
        0,
        count(
            "select count(*) from tool_session t join learner l on l.id = t.learner_id"
                + " where l.subject = ?",
            attacker));
    // Control: the very same post from Rapport's own storage page is a normal launch, so the
    // refusal above is the origin check and nothing else.
    HttpResponse<String> own = post(rapport, form, rapport.base().toString());
    assertEquals(303, own.statusCode(), own.body());
    assertEquals(
        1,
        count(
            "select count(*) from tool_session t join learner l on l.id = t.learner_id"
                + " where l.subject = ?",
            attacker));
  }

  @Test
  void storedStateIsAcceptedFromThePlatformsOrigin() {
    RapportClient rapport = rapport();
    String user = "platform-post-" + UUID.randomUUID();
    String[] login = storageLogin(rapport, user);
    String token =
        platform.sign(
            platform.launchClaims(CLIENT, user, login[1], rapport.base() + "/app").build());
    HttpResponse<String> answer =
        post(rapport, form(token, login[0]) + "&stored_state=" + enc(login[0]), platform.issuer());
    assertEquals(303, answer.statusCode(), answer.body());
  }

  @Test
  void storedStateIsRefusedForALoginThatDidNotAskForPlatformStorage() {
    RapportClient rapport = rapport();
    String user = "cookie-login-" + UUID.randomUUID();
    LaunchIT.Login login = LaunchIT.login(rapport, platform, CLIENT);
    String token =
        platform.sign(
            platform.launchClaims(CLIENT, user, login.nonce(), rapport.base() + "/app").build());
    HttpResponse<String> answer =
        post(
            rapport,
            form(token, login.state()) + "&stored_state=" + enc(login.state()),
            rapport.base().toString());
    assertEquals(401, answer.statusCode(), answer.body());
    assertTrue(
        answer.body().contains(LaunchFailure.STORED_STATE_NOT_REQUESTED.name()), answer.body());
  }

  // --- Sessions of launched users ----------------------------------------------------------

  @Test
  void theSessionTokenNamesNobodyAndThePageReadsTheNameFromTheDatabase() {
    RapportClient rapport = rapport();
    String user = "token-" + UUID.randomUUID();
    String s =
        launch(rapport, user, "course-token", "Ethics of Care Ωmega", List.of(M + "Learner"));
    String[] parts = s.split("\\.");
    assertEquals(3, parts.length, s);
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    Map<String, Object> claims = AssessmentDriver.object(payload);
    assertEquals(Set.of("sub", "aud", "iat", "exp", "sid"), claims.keySet(), payload);
    for (String personal : List.of("Test " + user, user, "Ethics", "course-token", "Learner")) {
      assertFalse(payload.contains(personal), personal + " in " + payload);
      assertFalse(header.contains(personal), personal + " in " + header);
    }
    String page = expect(200, rapport.get("/app?s=" + s)).body();
    assertTrue(page.contains("Test " + user), page);
    assertTrue(page.contains("Ethics of Care"), page);
  }

  @Test
  void aNewLaunchInTheSameCourseEndsTheOldSession() {
    RapportClient rapport = rapport();
    String user = "relaunch-" + UUID.randomUUID();
    String first = launch(rapport, user, "course-relaunch", "Relaunch", List.of(M + "Learner"));
    expect(200, rapport.get("/app?s=" + first));
    String second = launch(rapport, user, "course-relaunch", "Relaunch", List.of(M + "Learner"));
    HttpResponse<String> old = rapport.get("/app?s=" + first);
    assertEquals(401, old.statusCode(), old.body());
    assertTrue(old.body().contains("session has ended"), old.body());
    expect(200, rapport.get("/app?s=" + second));
    // A launch into another course opens a session of its own and leaves this one alone.
    String other = launch(rapport, user, "course-elsewhere", "Elsewhere", List.of(M + "Learner"));
    expect(200, rapport.get("/app?s=" + other));
    expect(200, rapport.get("/app?s=" + second));
  }

  @Test
  void appAnswersAreNeverStoredAndNeverSendAReferrer() {
    RapportClient rapport = rapport();
    String user = "headers-" + UUID.randomUUID();
    String s = launch(rapport, user, "course-headers", "Headers", List.of(M + "Learner"));
    for (String path :
        List.of(
            "/app?s=" + s,
            "/app/modules?s=" + s,
            "/app/assessment?s=" + s,
            "/app/reflections/export?s=" + s,
            "/app",
            "/app?s=not-a-token")) {
      HttpResponse<String> answer = rapport.get(path);
      assertTrue(answer.statusCode() < 500, path + ": " + answer.statusCode());
      assertEquals(
          "no-store", answer.headers().firstValue("Cache-Control").orElse(""), path + " cache");
      assertEquals(
          "no-referrer",
          answer.headers().firstValue("Referrer-Policy").orElse(""),
          path + " referrer");
    }
    String instructor =
        launch(rapport, "teacher-" + user, "course-headers", "Headers", List.of(M + "Instructor"));
    HttpResponse<String> faculty = expect(200, rapport.get("/app/faculty/cohorts?s=" + instructor));
    assertEquals("no-store", faculty.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-referrer", faculty.headers().firstValue("Referrer-Policy").orElse(""));
  }

  // --- Roles from course membership --------------------------------------------------------

  @Test
  void rolesComeFromTheCourseMembershipAndTheRegistrationPlacesTeachingAssistants() {
    RapportClient rapport = rapport();
    String id = UUID.randomUUID().toString();
    String learningInstructor =
        launch(
            rapport,
            "inst-" + id,
            "course-roles",
            "Roles",
            List.of(INSTITUTION_INSTRUCTOR, M + "Learner"));
    assertEquals(403, rapport.get("/app/faculty/cohorts?s=" + learningInstructor).statusCode());
    String ta = launch(rapport, "ta-" + id, "course-roles", "Roles", List.of(TA));
    assertEquals(403, rapport.get("/app/faculty/cohorts?s=" + ta).statusCode());
    try {
      expect(200, putPolicy(rapport, registration, false, "INSTRUCTOR"));
      String facultyTa = launch(rapport, "ta-" + id, "course-roles", "Roles", List.of(TA));
      expect(200, rapport.get("/app/faculty/cohorts?s=" + facultyTa));
    } finally {
      expect(200, putPolicy(rapport, registration, false, "STUDENT"));
    }
    HttpResponse<String> bad = putPolicy(rapport, registration, false, "BOSS");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("teachingAssistantRole"), bad.body());
  }

  @Test
  void aPolicyChangeIsRefusedWithEveryProblemAtOnceAndChangesNothing() {
    RapportClient rapport = rapport();
    String policy = "/api/admin/identity/registrations/" + registration + "/policy";
    String before = expect(200, rapport.adminGet(policy)).body();

    HttpResponse<String> empty = rapport.adminPut(policy, "{}");
    assertEquals(400, empty.statusCode(), empty.body());
    assertEquals(
        List.of(
            "launchLinksAllowed: say true or false.",
            "teachingAssistantRole: use STUDENT or INSTRUCTOR."),
        AssessmentDriver.object(empty.body()).get("problems"));

    HttpResponse<String> unknownRole =
        rapport.adminPut(
            policy, "{\"launchLinksAllowed\": true, \"teachingAssistantRole\": \"BOSS\"}");
    assertEquals(400, unknownRole.statusCode(), unknownRole.body());
    assertEquals(
        List.of("teachingAssistantRole: use STUDENT or INSTRUCTOR."),
        AssessmentDriver.object(unknownRole.body()).get("problems"));

    HttpResponse<String> noPolicy = rapport.adminPut(policy, "null");
    assertEquals(400, noPolicy.statusCode(), noPolicy.body());
    assertEquals(
        List.of("Send launchLinksAllowed (true/false) and teachingAssistantRole as JSON."),
        AssessmentDriver.object(noPolicy.body()).get("problems"));

    assertEquals(before, expect(200, rapport.adminGet(policy)).body());
  }

  // --- Student links -----------------------------------------------------------------------

  @Test
  void byDefaultALaunchsStudentIdWaitsForAnAdministrator() throws Exception {
    RapportClient rapport = rapport();
    AssessmentDriver d = new AssessmentDriver(rapport);
    long tenant = d.devRegistration();
    Map<String, Object> policy =
        AssessmentDriver.object(
            expect(200, rapport.adminGet("/api/admin/identity/registrations/" + tenant + "/policy"))
                .body());
    assertEquals(false, policy.get("launchLinksAllowed"));
    assertEquals("STUDENT", policy.get("teachingAssistantRole"));

    String user = "wait-" + shortId();
    String pseudonym = "P-" + shortId();
    String subject = "dev-student-" + user;
    DevLaunch.session(rapport, "student", user, "/app", Map.of("rapport_student_id", pseudonym));
    DevLaunch.session(rapport, "student", user, "/app", Map.of("rapport_student_id", pseudonym));
    assertEquals(
        0, count("select count(*) from student where lms_subject = ?", subject), "not linked");
    List<Map<String, Object>> waiting = requestsFor(rapport, tenant, subject);
    assertEquals(1, waiting.size(), "one request however often they launch: " + waiting);
    assertEquals(pseudonym, waiting.get(0).get("studentId"));
    assertEquals("APPROVAL_REQUIRED", waiting.get(0).get("reason"));

    long id = ((Number) waiting.get(0).get("id")).longValue();
    Map<String, Object> approved =
        AssessmentDriver.object(
            expect(
                    200,
                    rapport.adminPost("/api/admin/identity/link-requests/" + id + "/approve", "{}"))
                .body());
    assertEquals("APPROVED", approved.get("state"));
    assertEquals(
        1,
        count(
            "select count(*) from student where lms_subject = ? and pseudonym = ?",
            subject,
            pseudonym));
    assertEquals(
        409,
        rapport
            .adminPost("/api/admin/identity/link-requests/" + id + "/approve", "{}")
            .statusCode());
    String audit = expect(200, rapport.adminGet("/api/admin/audit?registration=" + tenant)).body();
    assertTrue(audit.contains("STUDENT_LINK_QUEUED") && audit.contains(pseudonym), audit);
    assertTrue(audited(audit, "STUDENT_LINKED", "admin ", pseudonym), audit);
  }

  @Test
  void whereLaunchesMayLinkOnlyAFreePseudonymIsLinked() throws Exception {
    RapportClient rapport = rapport();
    AssessmentDriver d = new AssessmentDriver(rapport);
    long tenant = d.devRegistration();
    String pseudonym = "F-" + shortId();
    String first = "first-" + shortId();
    String second = "second-" + shortId();
    try {
      expect(200, putPolicy(rapport, tenant, true, "STUDENT"));
      DevLaunch.session(rapport, "student", first, "/app", Map.of("rapport_student_id", pseudonym));
      assertEquals(
          1,
          count(
              "select count(*) from student where lms_subject = ? and pseudonym = ?",
              "dev-student-" + first,
              pseudonym));
      DevLaunch.session(
          rapport, "student", second, "/app", Map.of("rapport_student_id", pseudonym));
      assertEquals(
          1,
          count(
              "select count(*) from student where lms_subject = ? and pseudonym = ?",
              "dev-student-" + first,
              pseudonym),
          "the first link stays");
      List<Map<String, Object>> waiting = requestsFor(rapport, tenant, "dev-student-" + second);
      assertEquals(1, waiting.size(), waiting.toString());
      assertEquals("LINKED_TO_ANOTHER_USER", waiting.get(0).get("reason"));
      long id = ((Number) waiting.get(0).get("id")).longValue();
      HttpResponse<String> approve =
          rapport.adminPost("/api/admin/identity/link-requests/" + id + "/approve", "{}");
      assertEquals(409, approve.statusCode(), approve.body());
      assertTrue(approve.body().contains("already linked to another LMS user"), approve.body());
      Map<String, Object> rejected =
          AssessmentDriver.object(
              expect(
                      200,
                      rapport.adminPost(
                          "/api/admin/identity/link-requests/" + id + "/reject",
                          "{\"note\": \"Not the same person\"}"))
                  .body());
      assertEquals("REJECTED", rejected.get("state"));
      DevLaunch.session(
          rapport, "student", second, "/app", Map.of("rapport_student_id", pseudonym));
      assertEquals(
          List.of(), requestsFor(rapport, tenant, "dev-student-" + second), "not reopened");
      String audit =
          expect(200, rapport.adminGet("/api/admin/audit?registration=" + tenant)).body();
      assertTrue(audit.contains("STUDENT_LINK_REJECTED"), audit);
      assertTrue(audited(audit, "STUDENT_LINKED", "LTI launch", pseudonym), audit);
    } finally {
      expect(200, putPolicy(rapport, tenant, false, "STUDENT"));
    }
  }

  @Test
  void theAdminPageListsWaitingLinksWithTheirDecisions() {
    RapportClient rapport = rapport();
    String user = "page-" + shortId();
    String pseudonym = "G-" + shortId();
    DevLaunch.session(rapport, "student", user, "/app", Map.of("rapport_student_id", pseudonym));
    HttpResponse<String> page =
        rapport.get("/admin/identity", "Authorization", rapport.adminAuthorization());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains(pseudonym), page.body());
    assertTrue(page.body().contains("/approve") && page.body().contains("/reject"), page.body());
    assertEquals(401, rapport.get("/api/admin/identity/link-requests").statusCode());
  }

  /** Whether the audit list holds {@code action} by an actor starting so, about the pseudonym. */
  private static boolean audited(String audit, String action, String actor, String pseudonym) {
    return AssessmentDriver.array(audit).stream()
        .anyMatch(
            e ->
                action.equals(e.get("action"))
                    && String.valueOf(e.get("actor")).startsWith(actor)
                    && String.valueOf(e.get("detail")).contains(pseudonym));
  }

  // --- helpers -----------------------------------------------------------------------------

  private static HttpResponse<String> putPolicy(
      RapportClient rapport, long tenant, boolean links, String ta) {
    return rapport.adminPut(
        "/api/admin/identity/registrations/" + tenant + "/policy",
        "{\"launchLinksAllowed\": " + links + ", \"teachingAssistantRole\": \"" + ta + "\"}");
  }

  private static List<Map<String, Object>> requestsFor(
      RapportClient rapport, long tenant, String subject) {
    return AssessmentDriver.array(
            expect(
                    200,
                    rapport.adminGet("/api/admin/identity/link-requests?registration=" + tenant))
                .body())
        .stream()
        .filter(r -> subject.equals(r.get("lmsSubject")))
        .toList();
  }

  /** A launch from the test platform (cookie-bound state) with these roles, course and title. */
  private static String launch(
      RapportClient rapport, String user, String course, String title, List<String> roles) {
    LaunchIT.Login login = LaunchIT.login(rapport, platform, CLIENT);
    JWTClaimsSet claims =
        platform
            .launchClaims(CLIENT, user, login.nonce(), rapport.base() + "/app")
            .claim(LtiClaims.ROLES, roles)
            .claim(LtiClaims.CONTEXT, Map.of("id", course, "title", title))
            .build();
    HttpResponse<String> answer =
        LaunchIT.launch(rapport, platform.sign(claims), login.state(), login.cookie());
    assertEquals(303, answer.statusCode(), answer.body());
    assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""));
    Matcher m = SESSION.matcher(answer.headers().firstValue("Location").orElseThrow());
    assertTrue(m.find());
    return m.group(1);
  }

  /** A login that keeps its state in platform storage: the state and nonce Rapport sent. */
  private static String[] storageLogin(RapportClient rapport, String user) {
    HttpResponse<String> page =
        rapport.get(
            "/lti/login?iss="
                + enc(platform.issuer())
                + "&login_hint="
                + enc(user)
                + "&target_link_uri="
                + enc(rapport.base() + "/app")
                + "&lti_message_hint=hint&client_id="
                + CLIENT
                + "&lti_deployment_id="
                + LtiTestPlatform.DEPLOYMENT_ID
                + "&lti_storage_target=_parent");
    assertEquals(200, page.statusCode(), page.body());
    Matcher m = REDIRECT.matcher(page.body());
    assertTrue(m.find(), page.body());
    URI authorize = URI.create(DevLaunch.html(m.group(1)));
    Map<String, String> q = LmsHttpServer.query(authorize.getRawQuery());
    return new String[] {q.get("state"), q.get("nonce")};
  }

  private static HttpResponse<String> post(RapportClient rapport, String form, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(rapport.uri("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return rapport.send(request.build());
  }

  private static String form(String idToken, String state) {
    return "id_token=" + enc(idToken) + "&state=" + enc(state);
  }

  private static long count(String sql, String... values) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
