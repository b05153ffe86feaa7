package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.launch.ToolSessions;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.LmsHttpServer;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Every HTTP endpoint against every kind of caller, as one table.
 *
 * <p>The endpoints are not listed by hand: {@link #endpointsOfTheResourceModel()} walks the
 * compiled classes of {@code org.rapport.lti} (the directory or archive {@link ToolSessions} was
 * loaded from), keeps those annotated {@code @Path}, and collects each public method carrying an
 * HTTP-method annotation (any annotation meta-annotated {@code @HttpMethod}: GET, POST, PUT,
 * DELETE...) with its own {@code @Path} appended; a method with {@code @Path} and no HTTP method is
 * a sub-resource locator and its return type is walked the same way. Templates are normalised
 * ({@code {id: [0-9]+}} becomes {@code {id}}). The test fails when the resource model has an
 * endpoint the table below has no rule for (so a new endpoint needs a rule before it can ship), and
 * when the table has a rule for an endpoint that no longer exists.
 *
 * <p>Each rule says, for the eight callers of {@link Who}, whether the request is let through (A:
 * neither 401/403/404/410 nor a redirect to sign-in) or refused (D: one of those); N marks an
 * endpoint that needs a secret nobody sends here (any 4xx), P one that protects nothing (sign-out).
 * No cell may answer with a 5xx. Path parameters come from data seeded in registration A (two
 * courses) and registration B; a caller of another course or registration uses A's ids with their
 * own session, which is how tenant isolation is checked. Denied answers must not contain A's
 * personal or tenant data.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {
  /** Who calls: the columns of the matrix. */
  enum Who {
    ANONYMOUS,
    STUDENT,
    INSTRUCTOR,
    ADMIN,
    STUDENT_OTHER_COURSE,
    INSTRUCTOR_OTHER_COURSE,
    STUDENT_OTHER_REGISTRATION,
    INSTRUCTOR_OTHER_REGISTRATION
  }

  // Cells in the order of Who: anonymous, student, instructor, admin, student and instructor of
  // another course (same registration), student and instructor of another registration.
  private static final String PUBLIC = "AAAAAAAA";
  private static final String ADMIN = "DDDADDDD";
  private static final String LAUNCHED = "DAADAAAA";
  private static final String STUDENTS = "DADDADAD";
  private static final String FACULTY = "DDADDADA";

  /** An object of registration A that all of A's faculty share (alerts are per tenant). */
  private static final String TENANT_FACULTY = "DDADDADD";

  /** An object of one faculty member (their open content selection). */
  private static final String OWNER = "DDADDDDD";

  /**
   * Needs a secret nobody here sends (setup token, registration invite, a password in the sign-in
   * form): refused to everyone, with any 4xx (N cells).
   */
  private static final String NOBODY = "NNNNNNNN";

  /** Protects nothing (sign-out): any answer but a server error (P cells). */
  private static final String UNPROTECTED = "PPPPPPPP";

  private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  private static final Pattern SESSION = Pattern.compile("[?&]s=([A-Za-z0-9._-]+)");
  private static final Pattern CONTENT_SELECTION =
      Pattern.compile("/app/content-selection/([A-Za-z0-9_-]+)");

  /**
   * One row: the expected cells, the concrete request and, for a form post, its body (placeholders
   * filled from seeds).
   */
  record Rule(String cells, String request, String form) {}

  private static final Map<String, Rule> TABLE = new TreeMap<>();

  private static void rule(String endpoint, String cells, String request) {
    rule(endpoint, cells, request, "");
  }

  private static void rule(String endpoint, String cells, String request, String form) {
    if (TABLE.put(endpoint, new Rule(cells, request, form)) != null) {
      throw new IllegalStateException("Two rules for " + endpoint);
    }
  }

  private static void rule(String endpoint, String cells) {
    rule(endpoint, cells, endpoint.substring(endpoint.indexOf(' ') + 1));
  }

  static {
    // Public: the home page, assets, keys, the LTI protocol endpoints, sign-in, the dev platform
    // (development mode is on in the integration tests).
    rule("GET /", PUBLIC);
    rule("GET /assets/{name}", PUBLIC, "/assets/rapport.css");
    rule("GET /.well-known/jwks.json", PUBLIC);
    rule("GET /lti/login", PUBLIC);
    rule("POST /lti/login", PUBLIC);
    rule("POST /lti/launch", PUBLIC);
    rule("GET /lti/register", NOBODY);
    rule("GET /dev/platform/auth", PUBLIC);
    rule("GET /dev/platform/jwks", PUBLIC);
    rule("GET /dev/platform/mod/lti/auth.php", PUBLIC);
    rule("GET /dev/platform/mod/lti/certs.php", PUBLIC);
    rule("GET /dev/platform/launch", PUBLIC);
    rule("POST /dev/platform/launch", PUBLIC);
    // The test platform's content-selection answers: only a JWT Rapport signed for a selection the
    // platform started is taken, which nobody here sends.
    rule("POST /dev/platform/deep-link-return", NOBODY);
    // The clock hand: the matrix sends seconds=0, which it refuses as invalid (400, not a denial),
    // so that the rest of the matrix runs on an unmoved clock.
    rule("GET /dev/clock", PUBLIC);
    rule("POST /dev/clock", PUBLIC, "/dev/clock", "seconds=0");
    rule("DELETE /dev/clock", PUBLIC);
    rule("GET /admin/login", PUBLIC);
    rule("POST /admin/login", NOBODY);
    rule("POST /admin/logout", UNPROTECTED);
    rule("GET /admin/setup", NOBODY);
    rule("POST /admin/setup", NOBODY);

    // Administration pages and API: administrators only; a launched session never counts.
    rule("GET /admin", ADMIN);
    rule("GET /admin/assessments", ADMIN);
    rule("GET /admin/assessments/{registrationId}", ADMIN, "/admin/assessments/{regA}");
    rule("POST /admin/assessments/waves/{waveId}", ADMIN, "/admin/assessments/waves/{waveA}");
    rule(
        "POST /admin/assessments/{registrationId}/cohorts",
        ADMIN,
        "/admin/assessments/{regC}/cohorts");
    rule(
        "POST /admin/assessments/{registrationId}/waves", ADMIN, "/admin/assessments/{regC}/waves");
    rule(
        "POST /admin/assessments/{registrationId}/template",
        ADMIN,
        "/admin/assessments/{regC}/template");
    rule("GET /admin/identity", ADMIN);
    rule(
        "POST /admin/identity/link-requests/{id}/approve",
        ADMIN,
        "/admin/identity/link-requests/{linkRequest}/approve");
    rule(
        "POST /admin/identity/link-requests/{id}/reject",
        ADMIN,
        "/admin/identity/link-requests/{linkRequest}/reject");
    rule("GET /admin/imports", ADMIN);
    rule("POST /admin/imports", ADMIN);
    rule("GET /admin/imports/{id}", ADMIN, "/admin/imports/{importA}");
    rule("GET /admin/observed-imports", ADMIN);
    rule("POST /admin/observed-imports", ADMIN);
    rule("GET /admin/observed-imports/{id}", ADMIN, "/admin/observed-imports/{observedImportA}");
    rule("POST /admin/keys/rotate", ADMIN);
    rule("POST /admin/api-tokens", ADMIN);
    rule("POST /admin/api-tokens/{id}/revoke", ADMIN, "/admin/api-tokens/{apiTokenVictim}/revoke");
    rule("POST /admin/registration-invites", ADMIN);
    rule(
        "POST /admin/registration-invites/{id}/revoke",
        ADMIN,
        "/admin/registration-invites/{inviteVictim}/revoke");
    rule("POST /api/admin/session-keys/rotate", ADMIN);
    rule("POST /admin/registrations", ADMIN);
    rule("POST /admin/registrations/{id}", ADMIN, "/admin/registrations/{regC}");
    rule("POST /admin/registrations/{id}/toggle", ADMIN, "/admin/registrations/{regC}/toggle");
    rule("GET /admin/lms/new", ADMIN);
    rule("POST /admin/lms/new", ADMIN);
    rule("GET /admin/lms/{id}/test", ADMIN, "/admin/lms/{regA}/test");
    rule("GET /admin/lms/{id}/edit", ADMIN, "/admin/lms/{regA}/edit");
    rule("POST /admin/lms/{id}/edit", ADMIN, "/admin/lms/{regC}/edit");
    rule("GET /admin/scores", ADMIN);
    rule("GET /admin/audit", ADMIN);
    rule(
        "GET /admin/students",
        ADMIN,
        "/admin/students?registration={regA}&by=subject&value={subjectA}");
    rule("GET /admin/students/{id}", ADMIN, "/admin/students/{studentA}");
    rule("GET /admin/students/{id}/export", ADMIN, "/admin/students/{studentA}/export");
    // Without decision=confirm these two only show the confirmation step: nothing changes.
    rule("POST /admin/students/{id}/cohort", ADMIN, "/admin/students/{studentA}/cohort");
    rule("POST /admin/students/{id}/delete", ADMIN, "/admin/students/{studentA}/delete");
    rule("POST /admin/students/links", ADMIN);
    rule("GET /api/admin/status", ADMIN);
    rule("GET /admin/alerts", ADMIN);
    rule("GET /admin/alerts/{id}", ADMIN, "/admin/alerts/{regA}");
    rule("GET /admin/alerts/{id}/mail", ADMIN, "/admin/alerts/{regA}/mail");
    rule("POST /admin/alerts/{id}/rule", ADMIN, "/admin/alerts/{regC}/rule");
    rule("POST /admin/alerts/{id}/evaluate", ADMIN, "/admin/alerts/{regC}/evaluate");
    // Mail 0 was never given up on: the administrator is told so (409); nothing is sent.
    rule(
        "POST /admin/alerts/{id}/mail/{mailId}/resend",
        ADMIN,
        "/admin/alerts/{regA}/mail/0/resend");
    rule(
        "POST /api/admin/alerts/{id}/mail/{mailId}/resend",
        ADMIN,
        "/api/admin/alerts/{regA}/mail/0/resend");
    rule("GET /admin/rosters", ADMIN);
    rule("GET /admin/api", ADMIN);
    rule(
        "POST /admin/rosters/courses/{id}/refresh",
        ADMIN,
        "/admin/rosters/courses/{courseA}/refresh");
    rule("POST /admin/scores/{id}/resend", ADMIN, "/admin/scores/{scoreA}/resend");
    rule(
        "POST /admin/scores/registrations/{id}/resend",
        ADMIN,
        "/admin/scores/registrations/{regA}/resend");

    rule("GET /api/admin/alerts/{id}", ADMIN, "/api/admin/alerts/{regA}");
    rule("GET /api/admin/alerts/{id}/rule", ADMIN, "/api/admin/alerts/{regA}/rule");
    rule("PUT /api/admin/alerts/{id}/rule", ADMIN, "/api/admin/alerts/{regC}/rule");
    rule("POST /api/admin/alerts/{id}/evaluate", ADMIN, "/api/admin/alerts/{regC}/evaluate");
    rule("GET /api/admin/alerts/{id}/evaluation", ADMIN, "/api/admin/alerts/{regA}/evaluation");
    rule("GET /api/admin/alerts/{id}/mail", ADMIN, "/api/admin/alerts/{regA}/mail");
    rule("GET /api/admin/audit", ADMIN);
    rule("POST /api/admin/cohorts", ADMIN);
    rule("GET /api/admin/cohorts", ADMIN, "/api/admin/cohorts?registration={regA}");
    rule("GET /api/admin/cohorts/{id}", ADMIN, "/api/admin/cohorts/{cohortA}");
    rule("POST /api/admin/cohorts/{id}/waves", ADMIN, "/api/admin/cohorts/{cohortA}/waves");
    rule(
        "GET /api/admin/exports/responses.csv",
        ADMIN,
        "/api/admin/exports/responses.csv?registration={regA}");
    rule("GET /api/admin/identity/link-requests", ADMIN);
    rule(
        "POST /api/admin/identity/link-requests/{id}/approve",
        ADMIN,
        "/api/admin/identity/link-requests/{linkRequest}/approve");
    rule(
        "POST /api/admin/identity/link-requests/{id}/reject",
        ADMIN,
        "/api/admin/identity/link-requests/{linkRequest}/reject");
    rule(
        "GET /api/admin/identity/registrations/{id}/policy",
        ADMIN,
        "/api/admin/identity/registrations/{regA}/policy");
    rule(
        "PUT /api/admin/identity/registrations/{id}/policy",
        ADMIN,
        "/api/admin/identity/registrations/{regC}/policy");
    rule("GET /api/admin/imports", ADMIN);
    rule("POST /api/admin/imports", ADMIN, "/api/admin/imports?registration={regC}");
    rule("GET /api/admin/imports/{id}", ADMIN, "/api/admin/imports/{importA}");
    rule("GET /api/admin/observed-imports", ADMIN);
    rule(
        "POST /api/admin/observed-imports",
        ADMIN,
        "/api/admin/observed-imports?registration={regC}");
    rule(
        "GET /api/admin/observed-imports/{id}",
        ADMIN,
        "/api/admin/observed-imports/{observedImportA}");
    rule("GET /api/admin/instruments", ADMIN);
    rule("GET /api/admin/keys", ADMIN);
    rule("POST /api/admin/keys/rotate", ADMIN);
    rule("GET /api/admin/launches", ADMIN);
    rule("GET /api/admin/registrations", ADMIN);
    rule("POST /api/admin/registrations", ADMIN);
    rule("GET /api/admin/registrations/{id}", ADMIN, "/api/admin/registrations/{regA}");
    rule("PUT /api/admin/registrations/{id}", ADMIN, "/api/admin/registrations/{regC}");
    rule("GET /api/admin/registrations/{id}/usage", ADMIN, "/api/admin/registrations/{regA}/usage");
    rule(
        "POST /api/admin/registrations/{id}/disable",
        ADMIN,
        "/api/admin/registrations/{regC}/disable");
    rule(
        "POST /api/admin/registrations/{id}/enable",
        ADMIN,
        "/api/admin/registrations/{regC}/enable");
    rule(
        "GET /api/admin/registrations/{registrationId}/schedule-template",
        ADMIN,
        "/api/admin/registrations/{regA}/schedule-template");
    rule(
        "PUT /api/admin/registrations/{registrationId}/schedule-template",
        ADMIN,
        "/api/admin/registrations/{regC}/schedule-template");
    rule("GET /api/admin/rescoring", ADMIN);
    rule("POST /api/admin/rescoring", ADMIN);
    rule("GET /api/admin/roster", ADMIN);
    rule(
        "GET /api/admin/roster/courses/{id}/members",
        ADMIN,
        "/api/admin/roster/courses/{courseA}/members");
    rule(
        "POST /api/admin/roster/courses/{id}/refresh",
        ADMIN,
        "/api/admin/roster/courses/{courseA}/refresh");
    rule("GET /api/admin/scores", ADMIN);
    rule("POST /api/admin/scores/{id}/resend", ADMIN, "/api/admin/scores/{scoreA}/resend");
    rule(
        "GET /api/admin/scores/registrations/{id}",
        ADMIN,
        "/api/admin/scores/registrations/{regA}");
    rule(
        "POST /api/admin/scores/registrations/{id}/resend",
        ADMIN,
        "/api/admin/scores/registrations/{regA}/resend");
    rule(
        "GET /api/admin/students",
        ADMIN,
        "/api/admin/students?registration={regA}&subject={subjectA}");
    rule("POST /api/admin/students/links", ADMIN);
    rule("GET /api/admin/students/{id}", ADMIN, "/api/admin/students/{studentA}");
    rule("DELETE /api/admin/students/{id}", ADMIN, "/api/admin/students/{studentVictim}");
    rule("PUT /api/admin/students/{id}/cohort", ADMIN, "/api/admin/students/{studentA}/cohort");
    rule("GET /api/admin/students/{id}/export", ADMIN, "/api/admin/students/{studentA}/export");
    rule("GET /api/admin/waves/{id}", ADMIN, "/api/admin/waves/{waveA}");
    rule("PUT /api/admin/waves/{id}", ADMIN, "/api/admin/waves/{waveA}");
    rule("GET /api/admin/waves/{id}/reliability", ADMIN, "/api/admin/waves/{waveA}/reliability");

    // Pages of launched users: each with their own session.
    rule("GET /app", LAUNCHED);
    rule("GET /app/modules", LAUNCHED);
    rule("GET /app/modules/{module}", LAUNCHED, "/app/modules/teach-back");
    rule("GET /app/modules/{module}/complete", LAUNCHED, "/app/modules/teach-back/complete");
    rule(
        "GET /app/modules/{module}/steps/{step}",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect");
    rule(
        "POST /app/modules/{module}/steps/{step}/answers",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/answers");
    rule(
        "POST /app/modules/{module}/steps/{step}/draft",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/draft");
    rule(
        "POST /app/modules/{module}/steps/{step}/practice",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/practice");
    rule(
        "POST /app/modules/{module}/steps/{step}/read",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/read");
    rule(
        "POST /app/modules/{module}/steps/{step}/reflection",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/reflection");
    rule(
        "POST /app/modules/{module}/steps/{step}/reply",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/reply");
    rule(
        "POST /app/modules/{module}/steps/{step}/restart",
        LAUNCHED,
        "/app/modules/teach-back/steps/reflect/restart");
    rule("GET /app/reflections/export", LAUNCHED);
    rule("GET /app/assessment", STUDENTS);
    rule("GET /app/assessment/export", STUDENTS);
    rule("POST /app/assessment/consent", STUDENTS);
    rule("POST /app/assessment/cohort", STUDENTS);
    // A student's own observed practice, and asking a classmate to rate a practice step (the
    // matrix's students have not saved it, which is refused with 409, not a denial).
    rule("GET /app/observed", STUDENTS);
    rule(
        "GET /app/observed/peer-request",
        STUDENTS,
        "/app/observed/peer-request?module=teach-back&step=teach-back-practice");
    rule(
        "POST /app/observed/peer-request",
        STUDENTS,
        "/app/observed/peer-request",
        "module=teach-back&step=teach-back-practice&classmate=1");
    // A's open wave: only A's student of that cohort may answer it.
    rule("POST /app/assessment/draft", "DADDDDDD", "/app/assessment/draft", "wave={waveA}");
    rule("POST /app/assessment/submit", "DADDDDDD", "/app/assessment/submit", "wave={waveA}");
    rule("GET /app/faculty/modules", FACULTY);
    rule(
        "GET /app/faculty/modules/{module}/guide",
        FACULTY,
        "/app/faculty/modules/teach-back/guide");
    rule("GET /app/faculty/cohorts", FACULTY);
    rule("GET /app/faculty/cohorts/export.csv", FACULTY);
    rule("GET /app/faculty/observed/cohorts", FACULTY);
    rule("GET /app/faculty/alerts", FACULTY);
    rule("GET /app/faculty/alerts/rule", FACULTY);
    rule(
        "POST /app/faculty/alerts/{id}/acknowledge",
        TENANT_FACULTY,
        "/app/faculty/alerts/{alertA}/acknowledge");
    rule(
        "POST /app/faculty/alerts/{id}/resolve",
        TENANT_FACULTY,
        "/app/faculty/alerts/{alertA}/resolve",
        "note=checked");
    // Observed practice. A's session belongs to course A: only its faculty reach it. The posts
    // without confirm=yes only show the confirmation step, and the session's one patient has no
    // address to mail: nothing changes.
    rule("GET /app/faculty/observed", FACULTY);
    rule("GET /app/faculty/observed/new", FACULTY);
    rule("POST /app/faculty/observed/new", FACULTY);
    rule("POST /app/faculty/observed/plan", FACULTY);
    rule("GET /app/faculty/observed/{id}", OWNER, "/app/faculty/observed/{observedA}");
    rule("GET /app/faculty/observed/{id}/sheet", OWNER, "/app/faculty/observed/{observedA}/sheet");
    rule("POST /app/faculty/observed/{id}/links", OWNER, "/app/faculty/observed/{observedA}/links");
    rule("POST /app/faculty/observed/{id}/mail", OWNER, "/app/faculty/observed/{observedA}/mail");
    rule(
        "POST /app/faculty/observed/{id}/release",
        OWNER,
        "/app/faculty/observed/{observedA}/release");
    // A one-time link is the permission: anyone holding it opens the form; a form without an
    // encounter is refused as 400, so the link stays unused.
    rule("GET /rate/{token}", PUBLIC, "/rate/{rateTokenA}");
    rule("POST /rate/{token}", PUBLIC, "/rate/{rateTokenA}");
    rule("GET /app/ratings", LAUNCHED);
    // A's instructor was asked for this rating; an empty form is refused as 400, nothing stored.
    rule("GET /app/ratings/{rater}", OWNER, "/app/ratings/{raterA}");
    rule("POST /app/ratings/{rater}", OWNER, "/app/ratings/{raterA}");
    rule("GET /app/content-selection", FACULTY);
    rule("GET /app/content-selection/{id}", OWNER, "/app/content-selection/{deepLinkA}");
    rule("POST /app/content-selection/{id}", OWNER, "/app/content-selection/{deepLinkA}");
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private static LtiTestPlatform platformA;
  private static LtiTestPlatform platformB;

  @BeforeAll
  static void startPlatforms() throws Exception {
    platformA = LtiTestPlatform.start();
    platformB = LtiTestPlatform.start();
  }

  @AfterAll
  static void stopPlatforms() {
    platformA.close();
    platformB.close();
  }

  /**
   * The one place the administrator column authenticates: with an administrator's API token, as a
   * script would (the CSRF defence of browser sessions is tested in {@code AdminAccessIT}).
   */
  static HttpRequest.Builder asAdministrator(RapportClient rapport, HttpRequest.Builder request) {
    return request.header("Authorization", rapport.adminAuthorization());
  }

  // --- the endpoints, from the resource model ----------------------------------------------

  /** "METHOD /path" of every resource method of every {@code @Path} class of org.rapport.lti. */
  static Set<String> endpointsOfTheResourceModel() throws Exception {
    URI classes = ToolSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    java.nio.file.Path root = java.nio.file.Path.of(classes);
    assertTrue(Files.isDirectory(root), "expected compiled classes in a directory: " + root);
    Set<String> endpoints = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/rapport/lti"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        Class<?> type =
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                AuthorizationMatrixIT.class.getClassLoader());
        Path path = type.getAnnotation(Path.class);
        if (path != null) {
          collect(type, path.value(), endpoints, new HashSet<>());
        }
      }
    }
    return endpoints;
  }

  private static void collect(
      Class<?> type, String base, Set<String> endpoints, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (Method method : type.getMethods()) {
      Path sub = method.getAnnotation(Path.class);
      String full = sub == null ? base : base + "/" + sub.value();
      String http = httpMethod(method);
      if (http != null) {
        endpoints.add(http + " " + normalise(full));
      } else if (sub != null) {
        collect(method.getReturnType(), full, endpoints, seen);
      }
    }
  }

  private static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /**
   * {@code {id: [0-9]+}} → {@code {id}}, one slash between segments, leading slash, none trailing.
   */
  static String normalise(String template) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean skipping = false;
    for (char ch : template.toCharArray()) {
      if (ch == '{') {
        depth++;
        if (depth == 1) {
          out.append(ch);
          continue;
        }
      }
      if (ch == '}') {
        depth--;
        if (depth == 0) {
          skipping = false;
          out.append(ch);
          continue;
        }
      }
      if (depth == 1 && ch == ':') {
        skipping = true;
      }
      if (!(skipping && depth >= 1) && !(depth == 1 && Character.isWhitespace(ch))) {
        out.append(ch);
      }
    }
    String path = ("/" + out).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Method resourceMethod(String endpoint) throws Exception {
    URI classes = ToolSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    java.nio.file.Path root = java.nio.file.Path.of(classes);
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/rapport/lti"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        Class<?> type =
            Class.forName(
                name.substring(0, name.length() - 6),
                false,
                AuthorizationMatrixIT.class.getClassLoader());
        Path path = type.getAnnotation(Path.class);
        if (path == null) {
          continue;
        }
        for (Method method : type.getMethods()) {
          Path sub = method.getAnnotation(Path.class);
          String full = sub == null ? path.value() : path.value() + "/" + sub.value();
          String http = httpMethod(method);
          if (http != null && endpoint.equals(http + " " + normalise(full))) {
            return method;
          }
        }
      }
    }
    return null;
  }

  @Test
  void theTableHasARuleForEveryEndpointAndNoOther() throws Exception {
    Set<String> model = endpointsOfTheResourceModel();
    assertTrue(model.size() > 80, "the walk found the resource model: " + model);
    assertTrue(model.contains("POST /lti/launch") && model.contains("GET /app"), model.toString());
    Set<String> missing = new TreeSet<>(model);
    missing.removeAll(TABLE.keySet());
    Set<String> stale = new TreeSet<>(TABLE.keySet());
    stale.removeAll(model);
    assertEquals(
        Set.of(),
        missing,
        "endpoints without a rule in AuthorizationMatrixIT's table: give each a rule");
    assertEquals(Set.of(), stale, "rules for endpoints that no longer exist");
  }

  @Test
  void normalisingTemplatesDropsTheirPatterns() {
    assertEquals("/api/admin/waves/{id}", normalise("api/admin/waves/{id: [0-9]+}"));
    assertEquals(
        "/app/modules/{module}/steps/{step}", normalise("app/modules/{module}/steps/{step}"));
    assertEquals("/assets/{name}", normalise("assets/{name: [a-z0-9.-]+}"));
    assertEquals("/", normalise(""));
  }

  // --- the matrix --------------------------------------------------------------------------

  /** A seeded world: two registrations, two courses in A, sessions, ids. */
  private static final class World {
    final Map<String, String> ids = new HashMap<>();
    final Map<Who, String> sessions = new EnumMap<>(Who.class);
    final List<String> markersOfA = new ArrayList<>();
  }

  private static World world;
  private static Throwable seedFailure;

  private World world(RapportClient rapport) throws Exception {
    synchronized (AuthorizationMatrixIT.class) {
      if (seedFailure != null) {
        throw new IllegalStateException("Seeding failed in an earlier test", seedFailure);
      }
      if (world == null) {
        try {
          world = seed(rapport);
        } catch (Exception | AssertionError e) {
          seedFailure = e;
          throw e;
        }
      }
      return world;
    }
  }

  private World seed(RapportClient rapport) throws Exception {
    World w = new World();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String nameA = "Matrix A " + tag;
    long regA = register(rapport, platformA, nameA, "matrix-a");
    long regB = register(rapport, platformB, "Matrix B " + tag, "matrix-b");
    long regC = register(rapport, platformB, "Matrix C " + tag, "matrix-c");
    w.ids.put("regA", String.valueOf(regA));
    w.ids.put("regB", String.valueOf(regB));
    w.ids.put("regC", String.valueOf(regC));
    w.markersOfA.add(nameA);

    String courseTitleA = "Course A " + tag;
    String studentName = "Student A " + tag;
    w.markersOfA.add(courseTitleA);
    w.markersOfA.add(studentName);
    String subjectA = "mx-student-" + tag;
    w.ids.put("subjectA", subjectA);
    w.sessions.put(
        Who.STUDENT,
        launch(
            rapport,
            platformA,
            "matrix-a",
            subjectA,
            studentName,
            "course-a",
            courseTitleA,
            M + "Learner",
            Map.of("rapport_matriculation_year", "1961", "rapport_student_id", "MX-" + tag)));
    launch(
        rapport,
        platformA,
        "matrix-a",
        "mx-victim-" + tag,
        "Victim " + tag,
        "course-a",
        courseTitleA,
        M + "Learner",
        Map.of("rapport_matriculation_year", "1961"));
    w.ids.put("deepLinkA", deepLink(rapport, "mx-teacher-" + tag, courseTitleA));
    w.sessions.put(
        Who.INSTRUCTOR,
        launch(
            rapport,
            platformA,
            "matrix-a",
            "mx-teacher-" + tag,
            "Teacher A",
            "course-a",
            courseTitleA,
            M + "Instructor",
            Map.of()));
    w.sessions.put(
        Who.STUDENT_OTHER_COURSE,
        launch(
            rapport,
            platformA,
            "matrix-a",
            "mx-other-student-" + tag,
            "Other student",
            "course-a2",
            "Other course",
            M + "Learner",
            Map.of("rapport_matriculation_year", "1962")));
    w.sessions.put(
        Who.INSTRUCTOR_OTHER_COURSE,
        launch(
            rapport,
            platformA,
            "matrix-a",
            "mx-other-teacher-" + tag,
            "Other teacher",
            "course-a2",
            "Other course",
            M + "Instructor",
            Map.of()));
    w.sessions.put(
        Who.STUDENT_OTHER_REGISTRATION,
        launch(
            rapport,
            platformB,
            "matrix-b",
            "mx-b-student-" + tag,
            "B student",
            "course-b",
            "Course B",
            M + "Learner",
            Map.of("rapport_matriculation_year", "1962")));
    w.sessions.put(
        Who.INSTRUCTOR_OTHER_REGISTRATION,
        launch(
            rapport,
            platformB,
            "matrix-b",
            "mx-b-teacher-" + tag,
            "B teacher",
            "course-b",
            "Course B",
            M + "Instructor",
            Map.of()));

    observed(rapport, w, subjectA, "mx-teacher-" + tag);

    AssessmentDriver d = new AssessmentDriver(rapport);
    w.ids.put("cohortA", String.valueOf(((Number) d.cohort(regA, 1961).get("id")).longValue()));
    long waveA = d.wave(regA, 1961, "Y1");
    w.ids.put("waveA", String.valueOf(waveA));
    d.open(waveA);
    for (Who student :
        List.of(Who.STUDENT, Who.STUDENT_OTHER_COURSE, Who.STUDENT_OTHER_REGISTRATION)) {
      AssessmentDriver.expect(
          303,
          rapport.postForm("/app/assessment/consent?s=" + w.sessions.get(student), "agree=yes"));
    }
    w.ids.put("cohortB", String.valueOf(((Number) d.cohort(regB, 1962).get("id")).longValue()));
    w.ids.put(
        "studentA",
        String.valueOf(((Number) d.studentBySubject(regA, subjectA).get("id")).longValue()));
    w.ids.put(
        "studentVictim",
        String.valueOf(
            ((Number) d.studentBySubject(regA, "mx-victim-" + tag).get("id")).longValue()));
    Map<String, Object> job =
        d.importCsv(
            regA,
            "matrix.csv",
            AssessmentDriver.header(18)
                + "\n"
                + AssessmentDriver.rapportRow("MXI-" + tag, 1961, "MATRICULATION", "", 5));
    w.ids.put("importA", String.valueOf(((Number) job.get("id")).longValue()));
    HttpResponse<String> observed =
        rapport.send(
            asAdministrator(
                    rapport,
                    HttpRequest.newBuilder(
                        rapport.uri("/api/admin/observed-imports?registration=" + regA)))
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "student_pseudonym,date,stage,station,rater_type,total\nMXO-"
                            + tag
                            + ",2025-03-14,Y3,Station 1,faculty,30\n"))
                .build());
    assertEquals(201, observed.statusCode(), observed.body());
    w.ids.put(
        "observedImportA",
        String.valueOf(
            ((Number) AssessmentDriver.object(observed.body()).get("importId")).longValue()));
    List<Map<String, Object>> requests =
        AssessmentDriver.array(
            AssessmentDriver.expect(
                    200, rapport.adminGet("/api/admin/identity/link-requests?registration=" + regA))
                .body());
    w.ids.put("linkRequest", String.valueOf(((Number) requests.get(0).get("id")).longValue()));
    rapport.createApiToken(rapport.signIn("admin", RapportClient.ADMIN_PASSWORD), "mx-" + tag);

    try (Connection c = ItDatabase.connect()) {
      long courseA =
          single(
              c,
              "select id from course where registration_id = ? and context_id = 'course-a'",
              regA);
      w.ids.put("courseA", String.valueOf(courseA));
      w.ids.put(
          "apiTokenVictim",
          String.valueOf(
              single(
                  c,
                  "select max(id) from admin_api_token where name = 'mx-" + tag + "' and id > ?",
                  0)));
      w.ids.put("inviteVictim", String.valueOf(invite(c, tag)));
      long link = single(c, "select id from resource_link where course_id = ?", courseA);
      long learner =
          single(
              c,
              "select id from learner where registration_id = ? and subject = '" + subjectA + "'",
              regA);
      w.ids.put("scoreA", String.valueOf(deadLetter(c, regA, link, learner)));
      long cohortA = Long.parseLong(w.ids.get("cohortA"));
      w.ids.put("alertA", String.valueOf(alert(c, regA, cohortA, "total")));
      w.ids.put("alertA2", String.valueOf(alert(c, regA, cohortA, "perspective-taking")));
    }
    return w;
  }

  /**
   * An encounter session in course A planned by its instructor: the student of A with a patient who
   * rates through a link and the instructor as a faculty rater.
   */
  private static void observed(RapportClient rapport, World w, String student, String teacher) {
    String faculty = w.sessions.get(Who.INSTRUCTOR);
    String boundary = "matrix" + UUID.randomUUID();
    String csv =
        "student,station,rater_type,rater_name,rater_email\n"
            + student
            + ",Matrix station,patient,Matrix patient,\n"
            + student
            + ",Matrix station,faculty,,"
            + teacher
            + "\n";
    StringBuilder body = new StringBuilder();
    for (String[] f :
        List.of(
            new String[] {"title", "Matrix OSCE"},
            new String[] {"setting", "osce-station"},
            new String[] {"held_on", java.time.LocalDate.now(ZoneOffset.UTC).toString()})) {
      body.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0]);
      body.append("\"\r\n\r\n" + f[1] + "\r\n");
    }
    body.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"plan\";");
    body.append(" filename=\"plan.csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv);
    body.append("\r\n--" + boundary + "--\r\n");
    HttpResponse<String> planned =
        rapport.send(
            HttpRequest.newBuilder(rapport.uri("/app/faculty/observed/plan?s=" + faculty))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    assertEquals(303, planned.statusCode(), planned.body());
    Matcher id =
        Pattern.compile("/app/faculty/observed/([0-9]+)\\?")
            .matcher(planned.headers().firstValue("Location").orElseThrow());
    assertTrue(id.find());
    w.ids.put("observedA", id.group(1));
    String sheet =
        rapport.get("/app/faculty/observed/" + id.group(1) + "/sheet?s=" + faculty).body();
    Matcher token = Pattern.compile("/rate/([A-Za-z0-9._-]+)\"").matcher(sheet);
    assertTrue(token.find(), sheet);
    w.ids.put("rateTokenA", token.group(1));
    String toGive = rapport.get("/app/ratings?s=" + faculty).body();
    Matcher rater = Pattern.compile("/app/ratings/([0-9]+)\\?").matcher(toGive);
    assertTrue(rater.find(), toGive);
    w.ids.put("raterA", rater.group(1));
  }

  /** An open registration invite (its value is never needed: only revoking it is tried). */
  private static long invite(Connection c, String tag) throws Exception {
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "insert into registration_invite (token_hash, created_by, created_at, expires_at,"
                + " enable_on_arrival) values (?, 'admin', ?, ?, false)",
            java.sql.Statement.RETURN_GENERATED_KEYS)) {
      java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
      ps.setString(1, String.format("%064x", new java.math.BigInteger(1, tag.getBytes())));
      ps.setObject(2, now);
      ps.setObject(3, now.plusDays(7));
      ps.executeUpdate();
      try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    World w = world(rapport);
    List<String> wrong = new ArrayList<>();
    // Refusals first, the callers that may change things last.
    List<Who> order =
        List.of(
            Who.ANONYMOUS,
            Who.STUDENT_OTHER_REGISTRATION,
            Who.INSTRUCTOR_OTHER_REGISTRATION,
            Who.STUDENT_OTHER_COURSE,
            Who.STUDENT,
            Who.INSTRUCTOR_OTHER_COURSE,
            Who.INSTRUCTOR,
            Who.ADMIN);
    Map<String, Rule> table = new LinkedHashMap<>(TABLE);
    for (Map.Entry<String, Rule> row : table.entrySet()) {
      String endpoint = row.getKey();
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = fill(row.getValue().request(), w.ids);
      String contentType = contentType(endpoint, method);
      String form = fill(row.getValue().form(), w.ids);
      for (Who who : order) {
        char expected = row.getValue().cells().charAt(who.ordinal());
        boolean allow = expected == 'A';
        HttpResponse<String> answer = call(rapport, w, who, method, path, contentType, form);
        int status = answer.statusCode();
        boolean denied = denied(answer);
        String cell = endpoint + " as " + who + " → " + status;
        if (status >= 500) {
          wrong.add(cell + " (server error)");
        } else if (expected == 'P') {
          continue;
        } else if (expected == 'N') {
          if (status < 400) {
            wrong.add(cell + " (expected a refusal for want of a secret)");
          }
        } else if (allow && denied) {
          wrong.add(cell + " (expected ALLOW)");
        } else if (!allow && !denied) {
          wrong.add(cell + " (expected DENY)");
        } else if (!allow && who != Who.ADMIN) {
          for (String marker : w.markersOfA) {
            if (answer.body().contains(marker)) {
              wrong.add(cell + " (denied, but shows \"" + marker + "\")");
            }
          }
        }
      }
    }
    if (!wrong.isEmpty()) {
      fail(wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
    }
  }

  @Test
  void facultyOfAnotherRegistrationGetNothingOfThisOnesCohortsAndAlerts() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    World w = world(rapport);
    String b = w.sessions.get(Who.INSTRUCTOR_OTHER_REGISTRATION);
    HttpResponse<String> cohort =
        rapport.get("/app/faculty/cohorts?cohort=" + w.ids.get("cohortA") + "&s=" + b);
    assertTrue(
        cohort.statusCode() == 403
            || cohort.statusCode() == 404
            || (cohort.statusCode() == 200 && !cohort.body().contains("1961")),
        cohort.statusCode() + ": " + cohort.body());
    String csv = rapport.get("/app/faculty/cohorts/export.csv?s=" + b).body();
    assertFalse(csv.contains("1961"), csv);
    String inbox = rapport.get("/app/faculty/alerts?s=" + b).body();
    assertFalse(inbox.contains("1961"), inbox);
    assertFalse(inbox.contains("/app/faculty/alerts/" + w.ids.get("alertA2") + "/"), inbox);
    HttpResponse<String> acknowledge =
        rapport.postForm(
            "/app/faculty/alerts/" + w.ids.get("alertA2") + "/acknowledge?s=" + b, "back=inbox");
    assertEquals(404, acknowledge.statusCode(), acknowledge.body());
    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          "OPEN",
          text(
              c,
              "select state from cohort_alert where id = ?",
              Long.parseLong(w.ids.get("alertA2"))));
    }
    // The same alert is visible to A's faculty: the refusal above is tenant isolation.
    String own = rapport.get("/app/faculty/alerts?s=" + w.sessions.get(Who.INSTRUCTOR)).body();
    assertTrue(own.contains("/app/faculty/alerts/" + w.ids.get("alertA2") + "/"), own);
    HttpResponse<String> adminA =
        rapport.send(
            asAdministrator(
                    rapport,
                    HttpRequest.newBuilder(
                        rapport.uri("/api/admin/cohorts/" + w.ids.get("cohortB"))))
                .GET()
                .build());
    assertEquals(200, adminA.statusCode(), "administrators see every tenant");
  }

  // --- XSS ---------------------------------------------------------------------------------

  @Test
  void inputShownOnPagesIsEscaped() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    world(rapport);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String namePayload = "<script>alert('name-" + tag + "')</script>";
    String titlePayload = "\"><img src=x onerror=alert('title-" + tag + "')>";
    String s =
        launch(
            rapport,
            platformA,
            "matrix-a",
            "xss-" + tag,
            namePayload,
            "course-xss-" + tag,
            titlePayload,
            M + "Learner",
            Map.of());
    String home = rapport.get("/app?s=" + s).body();
    assertEscaped(home, namePayload, "learner name");
    assertEscaped(home, titlePayload, "course title");

    String reflection = "</textarea><script>alert('reflection-" + tag + "')</script>";
    HttpResponse<String> saved =
        rapport.postForm(
            "/app/modules/teach-back/steps/reflect/reflection?s=" + s,
            "entry=" + URLEncoder.encode(reflection, StandardCharsets.UTF_8));
    assertEquals(303, saved.statusCode(), saved.body());
    String step = rapport.get("/app/modules/teach-back/steps/reflect?s=" + s).body();
    assertEscaped(step, reflection, "reflection");

    String registrationPayload = "<svg onload=alert('registration-" + tag + "')>";
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/registrations",
            AssessmentDriver.json(
                Map.of(
                    "name",
                    registrationPayload,
                    "platformKind",
                    "OTHER",
                    "issuer",
                    "https://xss-" + tag + ".example.edu",
                    "clientId",
                    "xss",
                    "authEndpoint",
                    "https://xss-" + tag + ".example.edu/auth",
                    "jwksUri",
                    "https://xss-" + tag + ".example.edu/jwks")));
    assertEquals(201, created.statusCode(), created.body());
    String console =
        rapport
            .send(
                asAdministrator(rapport, HttpRequest.newBuilder(rapport.uri("/admin")))
                    .GET()
                    .build())
            .body();
    assertEscaped(console, registrationPayload, "registration name");

    String cell = "<script>alert('cell-" + tag + "')</script>";
    String csv =
        AssessmentDriver.header(18)
            + "\n"
            + AssessmentDriver.rapportRow("XS-" + tag, 1961, "MATRICULATION", "", 5)
                .replaceFirst("MATRICULATION", cell.replace(",", ";"));
    Map<String, Object> job =
        new AssessmentDriver(rapport)
            .importCsv(Long.parseLong(world.ids.get("regA")), "xss.csv", csv);
    assertEquals("FAILED", String.valueOf(job.get("state")), job.toString());
    String jobPage =
        rapport
            .send(
                asAdministrator(
                        rapport,
                        HttpRequest.newBuilder(
                            rapport.uri("/admin/imports/" + ((Number) job.get("id")).longValue())))
                    .GET()
                    .build())
            .body();
    assertEscaped(jobPage, cell, "import cell");
  }

  private static void assertEscaped(String page, String payload, String what) {
    assertFalse(page.contains(payload), what + " appears unescaped:\n" + page);
    String escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String marker = payload.replaceAll(".*alert\\('([^']*)'\\).*", "$1");
    assertTrue(
        page.contains(marker), what + " is not shown at all, so the test proves nothing:\n" + page);
    assertTrue(
        page.contains(escaped.substring(0, Math.min(escaped.length(), 12)))
            || page.contains("&lt;"),
        what + " is not shown escaped:\n" + page);
    assertFalse(
        Pattern.compile("<(script|img|svg)[^>]*" + Pattern.quote(marker)).matcher(page).find(),
        what);
  }

  // --- requests ----------------------------------------------------------------------------

  private static HttpResponse<String> call(
      RapportClient rapport,
      World w,
      Who who,
      String method,
      String path,
      String contentType,
      String form) {
    String session = w.sessions.get(who);
    String target =
        session == null
            ? path
            : path + (path.contains("?") ? "&" : "?") + ToolSessions.PARAMETER + "=" + session;
    HttpRequest.Builder request = HttpRequest.newBuilder(rapport.uri(target));
    if (who == Who.ADMIN) {
      asAdministrator(rapport, request);
    }
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : form);
    switch (method) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      default -> request.header("Content-Type", contentType).method(method, body);
    }
    return rapport.send(request.build());
  }

  private static boolean denied(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status == 401 || status == 403 || status == 404 || status == 410) {
      return true;
    }
    return status == 303
        && answer.headers().firstValue("Location").orElse("").endsWith("/admin/login");
  }

  private static String contentType(String endpoint, String method) throws Exception {
    if (method.equals("GET") || method.equals("DELETE")) {
      return "";
    }
    Method resource = resourceMethod(endpoint);
    Consumes consumes =
        resource == null
            ? null
            : resource.getAnnotation(Consumes.class) != null
                ? resource.getAnnotation(Consumes.class)
                : resource.getDeclaringClass().getAnnotation(Consumes.class);
    if (consumes == null || consumes.value().length == 0) {
      return "application/x-www-form-urlencoded";
    }
    String first = consumes.value()[0];
    return first.equals("*/*") ? "application/x-www-form-urlencoded" : first;
  }

  private static String fill(String template, Map<String, String> ids) {
    Matcher m = Pattern.compile("\\{([A-Za-z0-9]+)\\}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = ids.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("No seeded value for {" + m.group(1) + "} in " + template);
      }
      m.appendReplacement(
          out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
    m.appendTail(out);
    return out.toString();
  }

  // --- seeding -----------------------------------------------------------------------------

  private static long register(
      RapportClient rapport, LtiTestPlatform p, String name, String client) {
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/registrations", p.registrationJson(name, client, "ACCEPT_ON_FIRST_SIGHT"));
    assertEquals(201, created.statusCode(), created.body());
    return ((Number) AssessmentDriver.object(created.body()).get("id")).longValue();
  }

  /** A resource-link launch through a test platform; the session token. */
  private static String launch(
      RapportClient rapport,
      LtiTestPlatform platform,
      String client,
      String subject,
      String name,
      String course,
      String title,
      String role,
      Map<String, String> custom) {
    Login login = login(rapport, platform, client);
    JWTClaimsSet.Builder claims =
        platform
            .launchClaims(client, subject, login.nonce(), rapport.base() + "/app")
            .claim("name", name)
            .claim(LtiClaims.ROLES, List.of(role))
            .claim(LtiClaims.CONTEXT, Map.of("id", course, "title", title));
    if (!custom.isEmpty()) {
      claims.claim(LtiClaims.CUSTOM, custom);
    }
    HttpResponse<String> answer = post(rapport, platform.sign(claims.build()), login);
    assertEquals(303, answer.statusCode(), answer.body());
    Matcher m = SESSION.matcher(answer.headers().firstValue("Location").orElseThrow());
    assertTrue(m.find());
    return m.group(1);
  }

  /** A deep-linking launch of an instructor of course A; the id of their open content selection. */
  private static String deepLink(RapportClient rapport, String subject, String title) {
    Login login = login(rapport, platformA, "matrix-a");
    JWTClaimsSet claims =
        platformA
            .launchClaims("matrix-a", subject, login.nonce(), rapport.base() + "/app")
            .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")
            .claim(LtiClaims.RESOURCE_LINK, null)
            .claim(LtiClaims.ROLES, List.of(M + "Instructor"))
            .claim(LtiClaims.CONTEXT, Map.of("id", "course-a", "title", title))
            .claim(
                LtiClaims.DEEP_LINKING_SETTINGS,
                Map.of(
                    "deep_link_return_url", platformA.issuer() + "/deep-link-return",
                    "accept_types", List.of("ltiResourceLink"),
                    "accept_presentation_document_targets", List.of("iframe")))
            .build();
    HttpResponse<String> answer = post(rapport, platformA.sign(claims), login);
    assertEquals(303, answer.statusCode(), answer.body());
    Matcher m = CONTENT_SELECTION.matcher(answer.headers().firstValue("Location").orElseThrow());
    assertTrue(m.find(), answer.headers().toString());
    return m.group(1);
  }

  private record Login(String state, String nonce, String cookie) {}

  private static Login login(RapportClient rapport, LtiTestPlatform p, String client) {
    HttpResponse<String> answer =
        rapport.get(
            "/lti/login?iss="
                + URLEncoder.encode(p.issuer(), StandardCharsets.UTF_8)
                + "&login_hint=matrix&target_link_uri="
                + URLEncoder.encode(rapport.base() + "/app", StandardCharsets.UTF_8)
                + "&client_id="
                + client
                + "&lti_deployment_id="
                + LtiTestPlatform.DEPLOYMENT_ID);
    assertEquals(303, answer.statusCode(), answer.body());
    URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
    Map<String, String> q = LmsHttpServer.query(location.getRawQuery());
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(q.get("state"), q.get("nonce"), cookie.substring(0, cookie.indexOf(';')));
  }

  private static HttpResponse<String> post(RapportClient rapport, String idToken, Login login) {
    return rapport.send(
        HttpRequest.newBuilder(rapport.uri("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", login.cookie())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "id_token="
                        + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                        + "&state="
                        + URLEncoder.encode(login.state(), StandardCharsets.UTF_8)))
            .build());
  }

  private static long single(Connection c, String sql, long parameter) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getLong(1);
      }
    }
  }

  private static String text(Connection c, String sql, long parameter) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getString(1);
      }
    }
  }

  private static long deadLetter(Connection c, long registration, long link, long learner)
      throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO score_outbox (registration_id, resource_link_id, learner_id, resource_id,"
                + " tag, label, score_given, score_maximum, activity_progress, grading_progress,"
                + " score_timestamp, status, attempts, next_attempt_at, last_status, last_error,"
                + " created_at) VALUES (?, ?, ?, 'teach-back', 'completion', 'Teach-back', 1, 1,"
                + " 'Completed', 'FullyGraded', ?, 'DEAD_LETTERED', 1, ?, 400, 'refused', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, registration);
      ps.setLong(2, link);
      ps.setLong(3, learner);
      ps.setObject(4, now);
      ps.setObject(5, now);
      ps.setObject(6, now);
      ps.executeUpdate();
      return generated(ps);
    }
  }

  private static long alert(Connection c, long registration, long cohort, String measure)
      throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cohort_alert (registration_id, cohort_id, instrument_id, from_stage,"
                + " to_stage, measure, comparison, state, reference_n, reference_mean,"
                + " reference_sd, current_n, current_mean, current_sd, change_value, ci_level,"
                + " ci_lower, ci_upper, t_value, df, p_value, effect_size, effect_size_measure,"
                + " raised_at, evaluated_at) VALUES (?, ?, 'rapport-empathy',"
                + " 'MATRICULATION', 'Y1', ?, 'PREVIOUS_WAVE', 'OPEN', 40, 80, 8, 40, 75, 8, -5,"
                + " 0.95, -7, -3, -4.5, 39, 0.0001, -0.6, 'DZ', ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, registration);
      ps.setLong(2, cohort);
      ps.setString(3, measure);
      ps.setObject(4, now);
      ps.setObject(5, now);
      ps.executeUpdate();
      return generated(ps);
    }
  }

  private static long generated(PreparedStatement ps) throws Exception {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      assertTrue(keys.next());
      return keys.getLong(1);
    }
  }
}
