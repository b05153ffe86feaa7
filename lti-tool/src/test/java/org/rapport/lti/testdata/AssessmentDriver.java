package org.rapport.lti.testdata;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.awaitility.Awaitility;
import org.openqa.selenium.json.Json;

/**
 * Drives the self-assessment of a deployed Rapport over HTTP, as a student (session token) and as
 * an administrator (API token): finding the test platform's tenant, opening waves, importing files
 * and waiting for their jobs, reading a student's own export.
 */
public final class AssessmentDriver {
  private static final Json JSON = new Json();

  private final RapportClient rapport;

  public AssessmentDriver(RapportClient rapport) {
    this.rapport = rapport;
  }

  public RapportClient rapport() {
    return rapport;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String json) {
    return (Map<String, Object>) JSON.toType(json, Json.MAP_TYPE);
  }

  /** Parses a JSON array of objects. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> array(String json) {
    return (List<Map<String, Object>>) JSON.toType(json, Json.LIST_OF_MAPS_TYPE);
  }

  public static String json(Object value) {
    return JSON.toJson(value);
  }

  /** The id of the test platform's registration for this deployment (created on first use). */
  public long devRegistration() {
    rapport.get("/dev/platform/launch?role=student&user=setup");
    String issuer = rapport.base() + "/dev/platform";
    for (Map<String, Object> r : array(rapport.adminGet("/api/admin/registrations").body())) {
      if (issuer.equals(r.get("issuer"))) {
        return ((Number) r.get("id")).longValue();
      }
    }
    throw new AssertionError("No registration for the test platform at " + issuer);
  }

  /** A new tenant (an LMS registration nobody launches from), for schedule tests. */
  public long newTenant() {
    String issuer = "https://lms-" + java.util.UUID.randomUUID() + ".example.edu";
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/registrations",
            json(
                Map.of(
                    "name",
                    "Schedule test",
                    "platformKind",
                    "MOODLE",
                    "issuer",
                    issuer,
                    "clientId",
                    "abc",
                    "authEndpoint",
                    issuer + "/auth",
                    "tokenEndpoint",
                    issuer + "/token",
                    "jwksUri",
                    issuer + "/jwks",
                    "deploymentPolicy",
                    "REJECT_UNKNOWN")));
    expect(201, created);
    return ((Number) object(created.body()).get("id")).longValue();
  }

  /** The cohort of {@code year} in the tenant, as the admin API shows it. */
  public Map<String, Object> cohort(long registrationId, int year) {
    HttpResponse<String> list =
        rapport.adminGet("/api/admin/cohorts?registration=" + registrationId);
    if (list.statusCode() != 200) {
      throw new AssertionError(list.statusCode() + " " + list.body());
    }
    return array(list.body()).stream()
        .filter(c -> ((Number) c.get("matriculationYear")).intValue() == year)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No cohort " + year + " in " + list.body()));
  }

  /** The id of the cohort's wave at {@code stage}. */
  @SuppressWarnings("unchecked")
  public long wave(long registrationId, int year, String stage) {
    for (Map<String, Object> w :
        (List<Map<String, Object>>) cohort(registrationId, year).get("waves")) {
      if (stage.equals(w.get("stage"))) {
        return ((Number) w.get("id")).longValue();
      }
    }
    throw new AssertionError("No wave " + stage + " for the cohort of " + year);
  }

  /** Sets a wave's window; answers the admin API's response. */
  public HttpResponse<String> setWindow(long waveId, LocalDate opens, LocalDate closes) {
    return rapport.adminPut(
        "/api/admin/waves/" + waveId,
        json(Map.of("opens", opens.toString(), "closes", closes.toString())));
  }

  /** Opens a wave from yesterday for a month. */
  public void open(long waveId) {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    HttpResponse<String> answer = setWindow(waveId, today.minusDays(1), today.plusDays(30));
    if (answer.statusCode() != 200) {
      throw new AssertionError(answer.statusCode() + " " + answer.body());
    }
  }

  /** A student's form post to one of the assessment's endpoints. */
  public HttpResponse<String> post(String session, String endpoint, String form, boolean json) {
    return json
        ? rapport.postForm(
            "/app/assessment/" + endpoint + "?s=" + session, form, "Accept", "application/json")
        : rapport.postForm("/app/assessment/" + endpoint + "?s=" + session, form);
  }

  /** Form fields {@code wave=…&item_1=…} for the given answers (index 0 answers item 1). */
  public static String answers(long waveId, int... answers) {
    StringJoiner form = new StringJoiner("&");
    form.add("wave=" + waveId);
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] > 0) {
        form.add("item_" + (i + 1) + "=" + answers[i]);
      }
    }
    return form.toString();
  }

  /** Gives consent and the matriculation year as a fresh student would. */
  public void consentAndYear(String session, int year) {
    expect(303, rapport.postForm("/app/assessment/consent?s=" + session, "agree=yes"));
    expect(303, rapport.postForm("/app/assessment/cohort?s=" + session, "year=" + year));
  }

  /** The student's own export as JSON. */
  public Map<String, Object> export(String session) {
    HttpResponse<String> export =
        rapport.get("/app/assessment/export?s=" + session + "&format=json");
    expect(200, export);
    return object(export.body());
  }

  /** Uploads a CSV for the tenant and waits for its job to finish; answers the job. */
  public Map<String, Object> importCsv(long registrationId, String name, String csv) {
    HttpResponse<String> accepted =
        rapport.send(
            HttpRequest.newBuilder(
                    rapport.uri(
                        "/api/admin/imports?registration="
                            + registrationId
                            + "&name="
                            + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", rapport.adminAuthorization())
                .header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build());
    expect(202, accepted);
    return awaitJob(((Number) object(accepted.body()).get("id")).longValue());
  }

  /** Polls an import job until it has finished. */
  public Map<String, Object> awaitJob(long id) {
    return Awaitility.await("import " + id + " finished")
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> object(expect(200, rapport.adminGet("/api/admin/imports/" + id)).body()),
            view -> Boolean.TRUE.equals(view.get("finished")));
  }

  /** The admin API's student record for an LMS user of the tenant. */
  public Map<String, Object> studentBySubject(long registrationId, String subject) {
    HttpResponse<String> found =
        rapport.adminGet(
            "/api/admin/students?registration="
                + registrationId
                + "&subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8));
    expect(200, found);
    return object(found.body());
  }

  public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "Expected HTTP " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  /** A CSV header: required columns, then item_1 … item_n. */
  public static String header(int items) {
    StringJoiner h = new StringJoiner(",");
    h.add("student_id")
        .add("cohort")
        .add("stage")
        .add("instrument")
        .add("version")
        .add("completed_on");
    for (int i = 1; i <= items; i++) {
      h.add("item_" + i);
    }
    return h.toString();
  }

  /** A CSV row of answers to rapport-empathy version 1 (18 items), all {@code answer}. */
  public static String rapportRow(
      String student, int cohort, String stage, String date, int answer) {
    return rapportRow(student, cohort, stage, date, answer, 1);
  }

  /** A CSV row of answers to the given version of rapport-empathy, all {@code answer}. */
  public static String rapportRow(
      String student, int cohort, String stage, String date, int answer, int version) {
    StringJoiner r = new StringJoiner(",");
    r.add(student)
        .add(String.valueOf(cohort))
        .add(stage)
        .add("rapport-empathy")
        .add(String.valueOf(version))
        .add(date);
    for (int i = 1; i <= 18; i++) {
      r.add(String.valueOf(answer));
    }
    return r.toString();
  }
}
