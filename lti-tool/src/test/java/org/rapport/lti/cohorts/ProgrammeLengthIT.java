package org.rapport.lti.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.array;
import static org.rapport.lti.testdata.AssessmentDriver.expect;
import static org.rapport.lti.testdata.AssessmentDriver.json;
import static org.rapport.lti.testdata.AssessmentDriver.object;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.modules.EmpathyLayer;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Programmes of any length end to end on the shipped WAR: an institution names its stages in its
 * schedule template (a five-year programme followed by an internship; six years followed by two
 * foundation years), imports a history of scores at those stages, and evaluation, alerts, the
 * modules they suggest, the faculty dashboard and a student's trajectory all use its stages' codes,
 * names and order. The built-in test platform's tenant is used (faculty and students launch into
 * it); its schedule is put back after each test.
 */
@ExtendWith(ArquillianExtension.class)
class ProgrammeLengthIT {
  private static final int STUDENTS = 14;
  private static final ModuleCatalog MODULES = ModuleCatalog.load(null);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  /** A stage as the test defines it: code, names, phase after its wave, months after the anchor. */
  record Stage(String code, String label, String shortLabel, String phase, int offsetMonths) {}

  @Test
  void aSixYearProgrammeWithFoundationYearsIsImportedEvaluatedAndLabelledByItsOwnStages() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    List<Stage> stages =
        List.of(
            new Stage("ENTRY", "Start of medical school", "Entry", "pre-clinical", 0),
            new Stage("Y1", "End of year 1", "Year 1", "pre-clinical", 9),
            new Stage("Y2", "End of year 2", "Year 2", "pre-clinical", 21),
            new Stage("Y3", "End of year 3", "Year 3", "clerkship", 33),
            new Stage("Y4", "End of year 4", "Year 4", "clerkship", 45),
            new Stage("Y5", "End of year 5", "Year 5", "final-year", 57),
            new Stage("Y6", "End of year 6", "Year 6", "residency", 69),
            new Stage("FY1", "Foundation year 1", "FY1", "residency", 81),
            new Stage("FY2", "Foundation year 2", "FY2", "residency", 93));
    int year = 2009;
    withProgramme(
        d,
        MonthDay.of(9, 15),
        stages,
        tenant -> {
          // A stage the programme does not name is refused by row, naming the programme's stages.
          Map<String, Object> refused =
              d.importCsv(
                  tenant,
                  "graduation.csv",
                  HEADER
                      + "\n"
                      + row("P6-" + UUID.randomUUID(), year, "GRADUATION", 1, 30, 30, 30));
          assertEquals("FAILED", refused.get("state"), refused.toString());
          assertEquals(
              List.of(
                  Map.of(
                      "row",
                      2L,
                      "column",
                      "stage",
                      "message",
                      "'GRADUATION' is not a training stage; use one of ENTRY, Y1, Y2, Y3, Y4, Y5,"
                          + " Y6, FY1, FY2")),
              refused.get("problems"));

          String prefix = "P6-" + UUID.randomUUID().toString().substring(0, 8) + "-";
          Map<String, Object> job =
              d.importCsv(
                  tenant,
                  "six-years.csv",
                  history(prefix, year, MonthDay.of(9, 15), stages, stages.size(), "Y6"));
          assertEquals("COMPLETED", job.get("state"), job.toString());

          long cohort = ((Number) d.cohort(tenant, year).get("id")).longValue();
          assertEquals(
              stages.stream().map(Stage::code).toList(),
              waveStages(d, tenant, year),
              "the cohort's waves are the programme's stages, in its order");

          evaluate(d, tenant);
          Map<String, Object> alert = alert(d, tenant, cohort, "affective", "Y5", "Y6");
          assertRecommendedFor(alert, EmpathyLayer.AFFECTIVE, TrainingPhase.RESIDENCY);

          String dashboard = facultyDashboard(d, cohort);
          assertInOrder(dashboard, "Entry", "Year 5", "Year 6", "FY1", "FY2");
          assertTrue(
              dashboard.contains("Year 5 to Year 6"), "the alert names the programme's waves");
          assertTrue(
              dashboard.contains(AlertVocabulary.FORMATIVE_CAVEAT.replace("'", "&#39;")),
              "the dashboard says the figures are formative");

          String trajectory = studentPage(d, tenant, prefix + "0", year);
          assertInOrder(
              trajectory,
              "Start of medical school",
              "End of year 5",
              "End of year 6",
              "Foundation year 1",
              "Foundation year 2");
        });
  }

  @Test
  void aFiveYearProgrammeWithAnInternshipSuggestsModulesForItsOwnStageOfTraining() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    // Year 2 is still pre-clinical in this programme (in Rapport's standard one it leads into
    // clerkship): a decline at Y2 must suggest pre-clinical modules.
    List<Stage> stages =
        List.of(
            new Stage("MATRICULATION", null, null, null, 0),
            new Stage("Y1", "End of year 1", "Year 1", "pre-clinical", 9),
            new Stage("Y2", "End of year 2", "Year 2", "pre-clinical", 21),
            new Stage("Y3", "End of year 3", "Year 3", "clerkship", 33),
            new Stage("Y4", "End of year 4", "Year 4", "final-year", 45),
            new Stage("Y5", "End of year 5", "Year 5", "residency", 57),
            new Stage("INTERNSHIP", "Internship year", "Internship", "residency", 69));
    // The cohort's Y2 wave closed about six weeks ago and its Y3 wave opens in nine months.
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    MonthDay anchor = MonthDay.from(today.minusMonths(3).withDayOfMonth(1));
    int year = today.minusMonths(24).getYear();
    withProgramme(
        d,
        anchor,
        stages,
        tenant -> {
          String prefix = "P5-" + UUID.randomUUID().toString().substring(0, 8) + "-";
          Map<String, Object> job =
              d.importCsv(tenant, "five-years.csv", history(prefix, year, anchor, stages, 3, "Y2"));
          assertEquals("COMPLETED", job.get("state"), job.toString());
          long cohort = ((Number) d.cohort(tenant, year).get("id")).longValue();

          evaluate(d, tenant);
          Map<String, Object> alert = alert(d, tenant, cohort, "affective", "Y1", "Y2");
          assertRecommendedFor(alert, EmpathyLayer.AFFECTIVE, TrainingPhase.PRE_CLINICAL);

          String dashboard = facultyDashboard(d, cohort);
          assertInOrder(dashboard, "Matriculation", "Year 1", "Year 2");
          assertTrue(
              dashboard.contains("Year 1 to Year 2"), "the alert names the programme's waves");

          String trajectory = studentPage(d, tenant, prefix + "0", year);
          assertInOrder(trajectory, "Start of medical school", "End of year 1", "End of year 2");
          assertFalse(trajectory.contains("Internship year"), "no score yet at the internship");

          Map<String, Object> template =
              object(
                  expect(
                          200,
                          d.rapport()
                              .adminGet(
                                  "/api/admin/registrations/" + tenant + "/schedule-template"))
                      .body());
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> saved = (List<Map<String, Object>>) template.get("stages");
          assertEquals("Start of medical school", saved.get(0).get("stageLabel"));
          assertEquals("pre-clinical", saved.get(0).get("phase"), "a standard stage's phase");
          assertEquals("Internship year", saved.get(6).get("stageLabel"));
          assertEquals("Internship", saved.get(6).get("stageShortLabel"));
        });
  }

  @Test
  void aStageOfTheInstitutionsOwnNeedsANameAndAPhaseAndNothingIsSavedWithoutThem() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    long tenant = d.newTenant();
    String template =
        "{\"anchor\": \"09-01\", \"stages\": ["
            + "{\"stage\": \"Y1\", \"offsetMonths\": 9, \"windowDays\": 30,"
            + " \"instrument\": \"rapport-empathy\"},"
            + "{\"stage\": \"FY1\", \"offsetMonths\": 81, \"windowDays\": 30,"
            + " \"instrument\": \"rapport-empathy\"},"
            + "{\"stage\": \"year six!\", \"stageLabel\": \"End of year 6\", \"phase\": \"later\","
            + " \"offsetMonths\": 69, \"windowDays\": 30, \"instrument\": \"rapport-empathy\"}]}";
    HttpResponse<String> refused =
        d.rapport().adminPut("/api/admin/registrations/" + tenant + "/schedule-template", template);
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(
        List.of(
            "stages[1].stageLabel: give the name people read for FY1, e.g. 'End of year 5' or"
                + " 'Foundation year 1'.",
            "stages[1].phase: say which modules suit a cohort once the FY1 wave has opened: one of"
                + " pre-clinical, clerkship, final-year, residency.",
            "stages[2].stage: 'year six!' cannot name a stage; use 1 to 16 letters, digits or"
                + " underscores, e.g. Y5 or FY1."),
        object(refused.body()).get("problems"));
    Map<String, Object> unchanged =
        object(
            expect(
                    200,
                    d.rapport()
                        .adminGet("/api/admin/registrations/" + tenant + "/schedule-template"))
                .body());
    assertEquals(false, unchanged.get("custom"), "nothing was saved");

    HttpResponse<String> outOfOrder =
        d.rapport()
            .adminPut(
                "/api/admin/registrations/" + tenant + "/schedule-template",
                "{\"anchor\": \"09-01\", \"stages\": [{\"stage\": \"FY1\", \"stageLabel\":"
                    + " \"Foundation year 1\", \"phase\": \"residency\", \"offsetMonths\": 81,"
                    + " \"windowDays\": 30, \"instrument\": \"rapport-empathy\"}, {\"stage\":"
                    + " \"Y6\", \"stageLabel\": \"End of year 6\", \"phase\": \"residency\","
                    + " \"offsetMonths\": 69, \"windowDays\": 30, \"instrument\":"
                    + " \"rapport-empathy\"}]}");
    assertEquals(400, outOfOrder.statusCode(), outOfOrder.body());
    assertEquals(
        List.of("stages: Y6 opens before FY1; list the stages in training order."),
        object(outOfOrder.body()).get("problems"));
  }

  @Test
  void onTheAdminPageAnInstitutionAddsItsOwnStageAndAStageWithoutANameIsRefused() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    RapportClient rapport = d.rapport();
    long tenant = d.newTenant();
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    String page = "/admin/assessments/" + tenant;
    String form = expect(200, rapport.get(page, "Cookie", session.cookie())).body();
    // Rapport's nine standard stages, then empty rows for the institution's own.
    assertTrue(form.contains("name=\"s8_code\" value=\"PGY3\""), form);
    assertTrue(form.contains("name=\"s9_code\" value=\"\""), form);

    StringJoiner fields = new StringJoiner("&");
    fields.add("csrf=" + session.csrf()).add("anchor=09-01");
    String[] standard = {"MATRICULATION", "Y1", "Y2", "Y3", "Y4"};
    int[] months = {0, 9, 21, 33, 45};
    for (int i = 0; i < standard.length; i++) {
      stageRow(fields, i, standard[i], "", "", months[i]);
    }
    for (int i = standard.length; i < 9; i++) {
      fields.add("s" + i + "_code=" + TrainingStage.values().get(i).code());
    }
    stageRow(fields, 9, "Y5", "End of year 5", "residency", 57);
    stageRow(fields, 10, "INTERNSHIP", "", "", 69);
    fields.add("s11_code=");

    HttpResponse<String> refused =
        rapport.postForm(
            page + "/template",
            fields.toString(),
            "Origin",
            rapport.origin(),
            "Cookie",
            session.cookie());
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("give the name people read for INTERNSHIP"), refused.body());
    assertEquals(
        false,
        object(
                expect(
                        200,
                        rapport.adminGet(
                            "/api/admin/registrations/" + tenant + "/schedule-template"))
                    .body())
            .get("custom"),
        "nothing was saved");

    String named =
        fields
            .toString()
            .replace("s10_label=&s10_phase=", "s10_label=Internship+year&s10_phase=residency");
    HttpResponse<String> saved =
        rapport.postForm(
            page + "/template", named, "Origin", rapport.origin(), "Cookie", session.cookie());
    assertEquals(200, saved.statusCode(), saved.body());
    Map<String, Object> template =
        object(
            expect(
                    200,
                    rapport.adminGet("/api/admin/registrations/" + tenant + "/schedule-template"))
                .body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stages = (List<Map<String, Object>>) template.get("stages");
    assertEquals(
        List.of("MATRICULATION", "Y1", "Y2", "Y3", "Y4", "Y5", "INTERNSHIP"),
        stages.stream().map(st -> st.get("stage")).toList());
    assertEquals("End of year 4", stages.get(4).get("stageLabel"));
    assertEquals("Internship year", stages.get(6).get("stageLabel"));
    assertEquals("residency", stages.get(5).get("phase"));
  }

  private static void stageRow(
      StringJoiner fields, int row, String code, String label, String phase, int months) {
    String k = "s" + row;
    fields
        .add(k + "_code=" + code)
        .add(k + "_label=" + label.replace(' ', '+'))
        .add(k + "_phase=" + phase)
        .add(k + "_include=on")
        .add(k + "_offset=" + months)
        .add(k + "_window=42")
        .add(k + "_instrument=rapport-empathy:2");
  }

  // ------------------------------------------------------------------------------------ helpers

  private static final String HEADER =
      "student_id,cohort,stage,instrument,version,completed_on,total,subscale_cognitive,"
          + "subscale_affective,subscale_compassionate-action";

  private static String row(
      String student,
      int year,
      String stage,
      int dayOfYear,
      int cognitive,
      int affective,
      int act) {
    return row(
        student, year, stage, LocalDate.ofYearDay(year, dayOfYear), cognitive, affective, act);
  }

  private static String row(
      String student,
      int year,
      String stage,
      LocalDate completed,
      int cognitive,
      int affective,
      int act) {
    StringJoiner r = new StringJoiner(",");
    r.add(student)
        .add(String.valueOf(year))
        .add(stage)
        .add("rapport-empathy")
        .add("2")
        .add(completed.toString())
        .add(String.valueOf(cognitive + affective + act))
        .add(String.valueOf(cognitive))
        .add(String.valueOf(affective))
        .add(String.valueOf(act));
    return r.toString();
  }

  /**
   * Scores of {@link #STUDENTS} students at the first {@code waves} stages, each completed a week
   * after its wave opened; from {@code declineAt} on, every student's affective score is 6 to 8
   * points lower, the other subscales vary by a point or two.
   */
  private static String history(
      String prefix, int year, MonthDay anchor, List<Stage> stages, int waves, String declineAt) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    LocalDate matriculation = anchor.atYear(year);
    boolean declined = false;
    for (int s = 0; s < waves; s++) {
      Stage stage = stages.get(s);
      declined |= stage.code().equals(declineAt);
      LocalDate completed = matriculation.plusMonths(stage.offsetMonths()).plusDays(7);
      for (int i = 0; i < STUDENTS; i++) {
        int jitter = ((i * 7 + s * 3) % 5) - 2;
        int affective = 32 + jitter - (declined ? 6 + i % 3 : 0);
        csv.append(row(prefix + i, year, stage.code(), completed, 30 - jitter, affective, 31))
            .append('\n');
      }
    }
    return csv.toString();
  }

  /** Runs {@code test} with the built-in platform's tenant on the programme, then restores it. */
  private static void withProgramme(
      AssessmentDriver d, MonthDay anchor, List<Stage> stages, TenantTest test) {
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String path = "/api/admin/registrations/" + tenant + "/schedule-template";
    String before = expect(200, rapport.adminGet(path)).body();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Stage s : stages) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("stage", s.code());
      if (s.label() != null) {
        line.put("stageLabel", s.label());
        line.put("stageShortLabel", s.shortLabel());
        line.put("phase", s.phase());
      }
      line.put("offsetMonths", s.offsetMonths());
      line.put("windowDays", 42);
      line.put("instrument", "rapport-empathy");
      line.put("version", 2);
      lines.add(line);
    }
    String anchorText = String.format("%02d-%02d", anchor.getMonthValue(), anchor.getDayOfMonth());
    expect(200, rapport.adminPut(path, json(Map.of("anchor", anchorText, "stages", lines))));
    expect(
        200,
        rapport.adminPut(
            "/api/admin/identity/registrations/" + tenant + "/policy",
            "{\"launchLinksAllowed\": true, \"teachingAssistantRole\": \"STUDENT\"}"));
    try {
      test.run(tenant);
    } finally {
      expect(200, rapport.adminPut(path, before));
    }
  }

  @FunctionalInterface
  interface TenantTest {
    void run(long tenant);
  }

  @SuppressWarnings("unchecked")
  private static List<String> waveStages(AssessmentDriver d, long tenant, int year) {
    return ((List<Map<String, Object>>) d.cohort(tenant, year).get("waves"))
        .stream().map(w -> (String) w.get("stage")).toList();
  }

  private static void evaluate(AssessmentDriver d, long tenant) {
    expect(200, d.rapport().adminPost("/api/admin/alerts/" + tenant + "/evaluate", ""));
  }

  private static Map<String, Object> alert(
      AssessmentDriver d, long tenant, long cohort, String measure, String from, String to) {
    List<Map<String, Object>> alerts =
        array(expect(200, d.rapport().adminGet("/api/admin/alerts/" + tenant)).body());
    return alerts.stream()
        .filter(a -> ((Number) a.get("cohortId")).longValue() == cohort)
        .filter(a -> measure.equals(a.get("measure")))
        .filter(a -> "PREVIOUS_WAVE".equals(a.get("comparison")))
        .findFirst()
        .map(
            a -> {
              assertEquals(from, a.get("fromWave"), a.toString());
              assertEquals(to, a.get("toWave"), a.toString());
              return a;
            })
        .orElseThrow(() -> new AssertionError("no " + measure + " alert for " + cohort));
  }

  /** At most three modules, each addressing the layer that fell and written for the phase. */
  @SuppressWarnings("unchecked")
  private static void assertRecommendedFor(
      Map<String, Object> alert, EmpathyLayer layer, TrainingPhase phase) {
    List<Map<String, Object>> modules = (List<Map<String, Object>>) alert.get("modules");
    assertFalse(modules.isEmpty(), alert.toString());
    assertTrue(modules.size() <= 3, modules.toString());
    for (Map<String, Object> m : modules) {
      Module module = MODULES.find(ModuleId.of((String) m.get("id"))).orElseThrow();
      assertTrue(module.addresses(layer), module.id() + " addresses " + layer);
      assertTrue(module.suits(phase), module.id() + " suits " + phase);
      assertEquals(module.facilitatorGuide().isPresent(), m.get("guide"), module.id().toString());
    }
  }

  private static String facultyDashboard(AssessmentDriver d, long cohort) {
    RapportClient rapport = d.rapport();
    String s =
        DevLaunch.session(
            rapport,
            "instructor",
            "dean-" + UUID.randomUUID().toString().substring(0, 6),
            "/app/faculty/cohorts");
    return expect(200, rapport.get("/app/faculty/cohorts?s=" + s + "&cohort=" + cohort)).body();
  }

  /** The self-assessment page of a student launched with the imported pseudonym. */
  private static String studentPage(AssessmentDriver d, long tenant, String pseudonym, int year) {
    RapportClient rapport = d.rapport();
    String user = "stu-" + UUID.randomUUID().toString().substring(0, 6);
    String s =
        DevLaunch.session(
            rapport,
            "student",
            user,
            "/app/assessment",
            Map.of("rapport_student_id", pseudonym, "rapport_matriculation_year", "" + year));
    expect(303, rapport.postForm("/app/assessment/consent?s=" + s, "agree=yes"));
    String page = expect(200, rapport.get("/app/assessment?s=" + s)).body();
    assertTrue(page.contains("Your trajectory"), page);
    return page;
  }

  private static void assertInOrder(String page, String... texts) {
    int at = -1;
    for (String text : texts) {
      int next = page.indexOf(text, at + 1);
      assertTrue(next > at, "'" + text + "' follows the earlier labels in the page");
      at = next;
    }
  }
}
