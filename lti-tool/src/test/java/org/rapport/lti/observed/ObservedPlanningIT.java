package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Faculty plan an OSCE day over HTTP, as their browser would: a CSV plan of 12 students at 2
 * stations with standardized patients (a bad plan is refused with every problem and creates
 * nothing), the session page, the printable sheet of one-time links, rating through a link (once,
 * for its own encounter only, until it expires; a replaced link is gone), link mail through the
 * outbox, a faculty rater rating inside the LMS, release, and who may see the session: only the
 * faculty of its course in its tenant.
 */
@ExtendWith(ArquillianExtension.class)
class ObservedPlanningIT {
  private static final Pattern SESSION_ID = Pattern.compile("/app/faculty/observed/([0-9]+)\\?s=");
  private static final Pattern LINK =
      Pattern.compile("<a href=\"(https?://[^\"]+/rate/([^\"]+))\" class=\"rating-link\">");
  private static final Pattern ENCOUNTER = Pattern.compile("name=\"encounter\" value=\"([0-9]+)\"");
  private static final Pattern RATE_LAUNCHED = Pattern.compile("href=\"/app/ratings/([0-9]+)\\?");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void facultyPlanAnOsceDayAndItsLinksWorkOnceForTheirEncounterUntilTheyExpire() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String course = "osce-" + tag;
    try (LtiTestPlatform lms = LtiTestPlatform.forRapport(rapport);
        LtiTestPlatform otherTenant = LtiTestPlatform.forRapport(rapport)) {
      register(rapport, lms, "OSCE school " + tag);
      register(rapport, otherTenant, "Other school " + tag);
      List<String> students = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        students.add("st" + tag + "-" + i);
      }
      // The LMS's rosters name the same people the launches do (a roster refresh after a launch
      // keeps them members).
      lms.roster(course, roster(students, "fa" + tag, "fb" + tag));
      lms.roster("other-" + tag, roster(List.of(), "fc" + tag));
      otherTenant.roster(course, roster(List.of(), "fd" + tag));
      for (String id : students) {
        launch(rapport, lms, id, LtiTestPlatform.LEARNER, course);
      }
      String faculty = launch(rapport, lms, "fa" + tag, LtiTestPlatform.INSTRUCTOR, course);
      String rater = launch(rapport, lms, "fb" + tag, LtiTestPlatform.INSTRUCTOR, course);
      String student = launch(rapport, lms, students.get(0), LtiTestPlatform.LEARNER, course);
      String otherCourse =
          launch(rapport, lms, "fc" + tag, LtiTestPlatform.INSTRUCTOR, "other-" + tag);
      String otherRegistration =
          launch(rapport, otherTenant, "fd" + tag, LtiTestPlatform.INSTRUCTOR, course);

      // The empty state explains what observed practice is.
      HttpResponse<String> empty = rapport.get("/app/faculty/observed?s=" + faculty);
      assertEquals(200, empty.statusCode(), empty.body());
      assertTrue(empty.body().contains("No sessions planned in this course yet"), empty.body());
      HttpResponse<String> form = rapport.get("/app/faculty/observed/new?s=" + faculty);
      assertEquals(200, form.statusCode(), form.body());
      assertTrue(form.body().contains("User " + students.get(0)), "students to choose from");

      // A bad plan: every problem, with row and column; nothing is created.
      String bad =
          "student,station,rater_type,rater_name,rater_email\n"
              + "nobody@example.edu,Station A,patient,,\n"
              + students.get(1)
              + "@example.edu,,patient,,\n"
              + students.get(2)
              + "@example.edu,Station A,surgeon,,\n"
              + students.get(3)
              + "@example.edu,Station A,faculty,,fc"
              + tag
              + "@example.edu\n"
              + students.get(4)
              + "@example.edu,Station A,patient,SP,not-an-address\n";
      HttpResponse<String> refused = plan(rapport, faculty, "Bad day", "2026-03-02", bad);
      assertEquals(400, refused.statusCode(), refused.body());
      for (String problem :
          List.of(
              "Row 2, column student: no student of this course has the e-mail address",
              "Row 3, column station: the station is missing",
              "Row 4, column rater_type: &#39;surgeon&#39; is not a kind of rater",
              "Row 5, column rater_email: no faculty member of this course",
              "Row 6, column rater_email: &#39;not-an-address&#39; is not an e-mail address")) {
        assertTrue(refused.body().contains(problem), problem + " in\n" + refused.body());
      }
      assertTrue(refused.body().contains("Nothing was saved"), refused.body());
      assertTrue(refused.body().contains("Bad day"), "what was typed is shown again");
      assertTrue(refused.body().contains("surgeon"), "the plan is shown again to correct");
      assertTrue(
          rapport
              .get("/app/faculty/observed?s=" + faculty)
              .body()
              .contains("No sessions planned in this course yet"),
          "nothing was created");

      // The day's plan: 12 students × 2 stations with standardized patients, and a faculty rater
      // for the first student at station A.
      StringBuilder csv =
          new StringBuilder("student,station,rater_type,rater_name,rater_email,module\n");
      for (String s : students) {
        csv.append(s)
            .append("@example.edu,Station A: bad news,patient,Maria Lopez,sp-a-")
            .append(tag)
            .append("@example.org,\n");
        csv.append("User ")
            .append(s)
            .append(",Station B: new medicine,patient,Tom Reed,,teach-back\n");
      }
      csv.append(students.get(0)).append(",Station A: bad news,faculty,,fb").append(tag);
      csv.append("@example.edu,\n");
      HttpResponse<String> planned =
          plan(rapport, faculty, "OSCE communication " + tag, today(rapport), csv.toString());
      assertEquals(303, planned.statusCode(), planned.body());
      Matcher created = SESSION_ID.matcher(planned.headers().firstValue("Location").orElseThrow());
      assertTrue(created.find(), planned.headers().toString());
      String id = created.group(1);
      String sessionPath = "/app/faculty/observed/" + id;

      HttpResponse<String> session = rapport.get(sessionPath + "?s=" + faculty);
      assertEquals(200, session.statusCode(), session.body());
      assertTrue(session.body().contains("data-encounters=\"24\""), session.body());
      assertTrue(session.body().contains("data-released=\"false\""), session.body());
      assertTrue(session.body().contains("User " + students.get(11)), session.body());
      String list = rapport.get("/app/faculty/observed?s=" + faculty).body();
      assertTrue(list.contains("OSCE communication " + tag), list);
      assertTrue(list.contains("0 of 25 invited"), list);

      // The sheet: one card per standardized patient and encounter; opening it changes nothing.
      HttpResponse<String> sheet = rapport.get(sessionPath + "/sheet?s=" + faculty);
      assertEquals(200, sheet.statusCode(), sheet.body());
      List<String> links = links(sheet.body());
      assertEquals(24, links.size(), sheet.body());
      assertEquals(
          24, count(sheet.body(), "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\""));
      assertEquals(24, count(sheet.body(), "role=\"img\" aria-label=\"QR code of the rating link"));
      assertTrue(sheet.body().contains("@media print") || sheet.body().contains("rapport.css"));
      assertEquals(links, links(rapport.get(sessionPath + "/sheet?s=" + faculty).body()));

      // A link rates once, for its own encounter only.
      String first = links.get(0);
      String second = links.get(1);
      HttpResponse<String> open = rapport.get(path(first));
      assertEquals(200, open.statusCode(), open.body());
      String firstEncounter = encounter(open.body());
      String secondEncounter = encounter(rapport.get(path(second)).body());
      HttpResponse<String> wrong = rate(rapport, path(first), secondEncounter, "Wrong form");
      assertEquals(400, wrong.statusCode(), wrong.body());
      HttpResponse<String> rated = rate(rapport, path(first), firstEncounter, "Warm and clear");
      assertEquals(200, rated.statusCode(), rated.body());
      assertEquals(409, rapport.get(path(first)).statusCode());
      assertEquals(409, rate(rapport, path(first), firstEncounter, "Again").statusCode());

      // Replacing links: a confirmation first (nothing changes), then the old links are gone.
      HttpResponse<String> confirm = rapport.postForm(sessionPath + "/links?s=" + faculty, "");
      assertEquals(200, confirm.statusCode(), confirm.body());
      assertEquals(200, rapport.get(path(second)).statusCode(), "unchanged before confirming");
      HttpResponse<String> replaced =
          rapport.postForm(sessionPath + "/links?s=" + faculty, "confirm=yes");
      assertEquals(303, replaced.statusCode(), replaced.body());
      assertEquals(404, rapport.get(path(second)).statusCode(), "a replaced link");
      assertEquals(409, rapport.get(path(first)).statusCode(), "a used link stays used");
      List<String> fresh = links(rapport.get(sessionPath + "/sheet?s=" + faculty).body());
      assertEquals(23, fresh.size(), "the rated patient has no card");
      assertFalse(fresh.contains(second));
      assertEquals(200, rapport.get(path(fresh.get(0))).statusCode());

      // Mail: one per patient with an address, once per link.
      int port = Integer.parseInt(System.getProperty("it.mail.port"));
      GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      try {
        HttpResponse<String> mailed = rapport.postForm(sessionPath + "/mail?s=" + faculty, "");
        assertEquals(303, mailed.statusCode(), mailed.body());
        String location = mailed.headers().firstValue("Location").orElseThrow();
        int expected = first.equals(links.get(0)) && stationA(sheet.body(), 0) ? 11 : 12;
        assertTrue(location.contains("n=" + expected), location);
        assertTrue(location.contains("none=12"), location);
        HttpResponse<String> again = rapport.postForm(sessionPath + "/mail?s=" + faculty, "");
        assertTrue(
            again.headers().firstValue("Location").orElseThrow().contains("n=0&again=" + expected),
            again.headers().toString());
        assertTrue(smtp.waitForIncomingEmail(60_000, expected), "the link mails arrive");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(expected, received.length);
        for (MimeMessage m : received) {
          assertEquals(
              "sp-a-" + tag + "@example.org",
              m.getRecipients(Message.RecipientType.TO)[0].toString());
          String body = String.valueOf(m.getContent());
          Matcher link = Pattern.compile("(https?://\\S+/rate/\\S+)").matcher(body);
          assertTrue(link.find(), body);
          assertTrue(fresh.contains(link.group(1)), "the current link: " + body);
          assertTrue(body.contains("Station A: bad news"), body);
          assertTrue(body.contains("can be used once"), body);
          assertFalse(body.contains("@example.edu"), "no student address: " + body);
        }
      } finally {
        smtp.stop();
      }

      // A faculty rater finds the rating in the LMS, on the home page and under Ratings to give.
      String home = rapport.get("/app?s=" + rater).body();
      assertTrue(home.contains("data-ratings-to-give=\"1\""), home);
      String toGive = rapport.get("/app/ratings?s=" + rater).body();
      Matcher launched = RATE_LAUNCHED.matcher(toGive);
      assertTrue(launched.find(), toGive);
      String formPath = "/app/ratings/" + launched.group(1) + "?s=" + rater;
      String launchedForm = rapport.get(formPath).body();
      HttpResponse<String> facultyRated =
          rate(rapport, formPath, encounter(launchedForm), "Good structure");
      assertEquals(200, facultyRated.statusCode(), facultyRated.body());
      assertFalse(rapport.get("/app?s=" + rater).body().contains("data-ratings-to-give"));

      // The session page shows both ratings to the course's faculty, and the reading is audited.
      String withRatings = rapport.get(sessionPath + "?s=" + faculty).body();
      assertTrue(withRatings.contains("data-ratings=\"2\""), withRatings);
      assertTrue(withRatings.contains("Warm and clear"), withRatings);
      assertTrue(withRatings.contains("Good structure"), withRatings);
      assertTrue(withRatings.contains("Cognitive empathy"), withRatings);
      assertTrue(withRatings.contains("User fb" + tag), "faculty see rater names");
      String audit = rapport.adminGet("/api/admin/audit?limit=1000").body();
      assertTrue(audit.contains("OBSERVED_RATINGS_VIEWED"), audit);

      // Nobody else sees the session or acts on it.
      for (String outsider : List.of(otherCourse, otherRegistration)) {
        for (String page : List.of(sessionPath, sessionPath + "/sheet")) {
          HttpResponse<String> denied = rapport.get(page + "?s=" + outsider);
          assertEquals(404, denied.statusCode(), page + ": " + denied.body());
          assertFalse(denied.body().contains("Warm and clear"));
          assertFalse(denied.body().contains("OSCE communication"));
        }
        for (String action : List.of("/release", "/links", "/mail")) {
          assertEquals(
              404,
              rapport.postForm(sessionPath + action + "?s=" + outsider, "confirm=yes").statusCode(),
              action);
        }
        assertFalse(
            rapport
                .get("/app/faculty/observed?s=" + outsider)
                .body()
                .contains("OSCE communication"));
      }
      for (String page :
          List.of(
              "/app/faculty/observed",
              "/app/faculty/observed/new",
              sessionPath,
              sessionPath + "/sheet")) {
        assertEquals(403, rapport.get(page + "?s=" + student).statusCode(), page);
      }
      assertEquals(
          403, rapport.postForm(sessionPath + "/release?s=" + student, "confirm=yes").statusCode());

      // Release: confirmation first, then once; releasing again changes nothing.
      HttpResponse<String> ask = rapport.postForm(sessionPath + "/release?s=" + faculty, "");
      assertEquals(200, ask.statusCode(), ask.body());
      assertTrue(
          rapport.get(sessionPath + "?s=" + faculty).body().contains("data-released=\"false\""));
      assertEquals(
          303, rapport.postForm(sessionPath + "/release?s=" + faculty, "confirm=yes").statusCode());
      String released = releasedLine(rapport.get(sessionPath + "?s=" + faculty).body());
      assertTrue(released.contains("data-released=\"true\""), released);
      rapport.moveClockForward(Duration.ofMinutes(5));
      try {
        assertEquals(
            303,
            rapport.postForm(sessionPath + "/release?s=" + faculty, "confirm=yes").statusCode());
        assertEquals(released, releasedLine(rapport.get(sessionPath + "?s=" + faculty).body()));

        // After the links' last day they answer 410.
        rapport.moveClockForward(Duration.ofDays(16));
        assertEquals(410, rapport.get(path(fresh.get(1))).statusCode());
        assertEquals(
            410, rate(rapport, path(fresh.get(1)), encounter(open.body()), "Late").statusCode());
        assertTrue(
            rapport.get(sessionPath + "?s=" + faculty).body().contains("data-state=\"expired\""));
      } finally {
        rapport.resetClock();
      }
      assertTrue(lms.problems().isEmpty(), lms.problems().toString());
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private static void register(RapportClient rapport, LtiTestPlatform lms, String name)
      throws Exception {
    HttpResponse<String> created =
        rapport.adminPost("/api/admin/registrations", lms.registrationJson(name));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue() > 0);
  }

  /** A course's members as the LMS lists them: these students and these instructors. */
  static List<LtiTestPlatform.MemberRecord> roster(List<String> students, String... faculty) {
    List<LtiTestPlatform.MemberRecord> members = new ArrayList<>();
    for (String s : students) {
      members.add(
          new LtiTestPlatform.MemberRecord(
              s, "User " + s, s + "@example.edu", List.of(LtiTestPlatform.LEARNER), "Active"));
    }
    for (String f : faculty) {
      members.add(
          new LtiTestPlatform.MemberRecord(
              f, "User " + f, f + "@example.edu", List.of(LtiTestPlatform.INSTRUCTOR), "Active"));
    }
    return members;
  }

  private static String launch(
      RapportClient rapport, LtiTestPlatform lms, String user, String role, String course) {
    return lms.launch(
            rapport, LaunchSpec.resourceLink(user, role, course, course + "-link", "/app"))
        .session();
  }

  /** Today on Rapport's clock, as the form's date field sends it. */
  private static String today(RapportClient rapport) throws Exception {
    HttpResponse<String> clock = rapport.get("/dev/clock");
    Matcher m = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})T").matcher(clock.body());
    return m.find() ? m.group(1) : java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }

  /** Sends the CSV plan form as a browser does: multipart, the plan as an uploaded file. */
  static HttpResponse<String> plan(
      RapportClient rapport, String session, String title, String date, String csv) {
    String boundary = "----plan" + UUID.randomUUID();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("setting", "osce-station");
    fields.put("held_on", date);
    fields.put("stage", "");
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(f.getKey())
          .append("\"\r\n\r\n")
          .append(f.getValue())
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"plan\"; filename=\"day.csv\"\r\n")
        .append("Content-Type: text/csv\r\n\r\n")
        .append(csv)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return rapport.send(
        HttpRequest.newBuilder(rapport.uri("/app/faculty/observed/plan?s=" + session))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build());
  }

  /** Rates every statement 4 for {@code encounter}, with a comment. */
  static HttpResponse<String> rate(
      RapportClient rapport, String path, String encounter, String comment) {
    StringBuilder form = new StringBuilder("encounter=" + encounter);
    for (int item = 1; item <= 10; item++) {
      form.append("&item_").append(item).append("=4");
    }
    form.append("&comment=").append(URLEncoder.encode(comment, StandardCharsets.UTF_8));
    return rapport.postForm(path, form.toString());
  }

  static List<String> links(String sheet) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(sheet);
    while (m.find()) {
      links.add(m.group(1).replace("&#61;", "=").replace("&amp;", "&"));
    }
    return links;
  }

  static String encounter(String form) {
    Matcher m = ENCOUNTER.matcher(form);
    assertTrue(m.find(), form);
    return m.group(1);
  }

  private static boolean stationA(String sheet, int card) {
    String[] cards = sheet.split("<article class=\"link-card\">");
    return cards.length > card + 1 && cards[card + 1].contains("Station A");
  }

  private static String releasedLine(String page) {
    Matcher m = Pattern.compile("<p class=\"release-state\"[^>]*>[^<]*</p>").matcher(page);
    assertTrue(m.find(), page);
    return m.group();
  }

  private static String path(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
