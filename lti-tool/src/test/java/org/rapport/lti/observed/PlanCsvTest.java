package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.instruments.RaterType;

class PlanCsvTest {
  private static final PlanCsv.Person ANA =
      new PlanCsv.Person(1, "u-ana", "Ana Silva", "ana@uni.example");
  private static final PlanCsv.Person BEN = new PlanCsv.Person(2, "u-ben", "Ben Okafor", null);
  private static final PlanCsv.Person KIM1 =
      new PlanCsv.Person(3, "u-kim1", "Kim Lee", "kim1@uni.example");
  private static final PlanCsv.Person KIM2 =
      new PlanCsv.Person(4, "u-kim2", "Kim  lee", "kim2@uni.example");
  private static final PlanCsv.Person DR_RAY =
      new PlanCsv.Person(10, "u-ray", "Dr Ray", "ray@uni.example");

  private static final PlanCsv.Course COURSE =
      new PlanCsv.Course(
          List.of(ANA, BEN, KIM1, KIM2), List.of(DR_RAY), Set.of("teach-back")::contains);

  private static final String HEADER = "student,station,rater_type,rater_name,rater_email";

  @Test
  void aPlanOfTwoStationsMakesOneEncounterPerStudentAndStation() {
    PlanCsv.Result result =
        PlanCsv.read(
            "\uFEFFStudent, Station ,RATER_TYPE,rater_name,rater_email,module\r\n"
                + "ana@uni.example,Station 1,patient,Maria Lopez,maria@sp.example,teach-back\r\n"
                + "ANA@UNI.EXAMPLE,Station 1,faculty,,ray@uni.example,\r\n"
                + "u-ben,Station 1,patient,Maria Lopez,maria@sp.example,\r\n"
                + "ben okafor,Station 2,patient,,,\r\n"
                + "\r\n"
                + "Ana Silva,Station 2,peer,,u-ben,\r\n",
            COURSE);
    assertEquals(List.of(), result.problems());
    assertEquals(5, result.rows(), "rows below the header, blank lines skipped");
    assertEquals(4, result.encounters().size());
    assertEquals(5, result.raters());
    PlanCsv.PlannedEncounter first = result.encounters().get(0);
    assertEquals(ANA, first.student());
    assertEquals("Station 1", first.station());
    assertEquals("teach-back", first.moduleOrNull());
    assertEquals(2, first.raters().size());
    assertEquals(RaterType.PATIENT, first.raters().get(0).type());
    assertEquals("Maria Lopez", first.raters().get(0).raterName());
    assertEquals(DR_RAY, first.raters().get(1).raterOrNull());
    PlanCsv.PlannedEncounter benSecond = result.encounters().get(2);
    assertEquals(BEN, benSecond.student());
    assertEquals(null, benSecond.raters().get(0).raterName());
    assertEquals(BEN, result.encounters().get(3).raters().get(0).raterOrNull());
  }

  static Stream<Arguments> badPlans() {
    return Stream.of(
        Arguments.of("empty file", "", List.of("The plan is empty")),
        Arguments.of(
            "header only",
            HEADER + "\n",
            List.of("The plan has a header row but no rows below it")),
        Arguments.of(
            "missing column",
            "student,station,rater_type,rater_name\nana@uni.example,S1,patient,X\n",
            List.of("Row 1: the header has no column 'rater_email'")),
        Arguments.of(
            "unknown column",
            HEADER + ",room\nana@uni.example,S1,patient,,,3\n",
            List.of("Row 1, column room: 'room' is not a column of a plan")),
        Arguments.of(
            "column twice",
            HEADER + ",station\nana@uni.example,S1,patient,,,S1\n",
            List.of("Row 1, column station: the column 'station' appears twice")),
        Arguments.of(
            "unknown student",
            HEADER + "\nzoe@uni.example,S1,patient,,\n",
            List.of(
                "Row 2, column student: no student of this course has the e-mail address, LMS"
                    + " user id or name 'zoe@uni.example'")),
        Arguments.of(
            "ambiguous name",
            HEADER + "\nkim lee,S1,patient,,\n",
            List.of("Row 2, column student: 2 students of this course are called 'kim lee'")),
        Arguments.of(
            "faculty named as a student",
            HEADER + "\nray@uni.example,S1,patient,,\n",
            List.of("Row 2, column student: no student of this course")),
        Arguments.of(
            "missing student and station",
            HEADER + "\n,,patient,,\n",
            List.of("Row 2, column student: the student is missing", "Row 2, column station")),
        Arguments.of(
            "station too long",
            HEADER + "\nu-ana," + "x".repeat(201) + ",patient,,\n",
            List.of("Row 2, column station: the station is 201 characters long")),
        Arguments.of(
            "unknown rater type",
            HEADER + "\nu-ana,S1,doctor,,\n",
            List.of("Row 2, column rater_type: 'doctor' is not a kind of rater")),
        Arguments.of(
            "patient e-mail",
            HEADER + "\nu-ana,S1,patient,Maria,maria at sp\n",
            List.of("Row 2, column rater_email: 'maria at sp' is not an e-mail address")),
        Arguments.of(
            "faculty not in the course",
            HEADER + "\nu-ana,S1,faculty,,who@else.example\n",
            List.of("Row 2, column rater_email: no faculty member of this course")),
        Arguments.of(
            "faculty without address",
            HEADER + "\nu-ana,S1,faculty,Dr Ray,\n",
            List.of("Row 2, column rater_email: a faculty rater rates inside the LMS")),
        Arguments.of(
            "student given as faculty",
            HEADER + "\nu-ana,S1,faculty,,u-ben\n",
            List.of("Row 2, column rater_email: 'u-ben' is in this course, but not as a faculty")),
        Arguments.of(
            "peer rates themselves",
            HEADER + "\nu-ana,S1,peer,,ana@uni.example\n",
            List.of("Row 2, column rater_email: a student cannot rate their own encounter")),
        Arguments.of(
            "unknown module",
            HEADER + ",module\nu-ana,S1,patient,,,no-such-module\n",
            List.of("Row 2, column module: there is no module 'no-such-module'")),
        Arguments.of(
            "same rater twice",
            HEADER
                + "\nu-ana,S1,patient,Maria,maria@sp.example\nu-ana,s1,patient,M,MARIA@sp.example\n",
            List.of("Row 3: this rater already rates Ana Silva at S1 in row 2")),
        Arguments.of(
            "two modules for one encounter",
            HEADER + ",module\nu-ana,S1,patient,A,,teach-back\nu-ana,S1,faculty,,u-ray,other\n",
            List.of("Row 3, column module: there is no module 'other'")),
        Arguments.of(
            "unclosed quote",
            HEADER + "\nu-ana,\"S1,patient,,\n",
            List.of("Row 2: the file cannot be read as CSV")),
        Arguments.of(
            "every problem of every row",
            HEADER + "\nzoe,S1,patient,,\nu-ana,,patient,,\nu-ben,S2,nurse,,\n",
            List.of("Row 2, column student", "Row 3, column station", "Row 4, column rater_type")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPlans")
  void aBadPlanIsRefusedWithEveryProblem(String what, String csv, List<String> expected) {
    PlanCsv.Result result = PlanCsv.read(csv, COURSE);
    assertTrue(result.encounters().isEmpty(), "nothing is planned: " + result.encounters());
    List<String> texts = result.problems().stream().map(PlanCsv.Problem::text).toList();
    assertEquals(expected.size(), texts.size(), what + ": " + texts);
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(texts.get(i).startsWith(expected.get(i)), what + ": " + texts.get(i));
    }
  }

  @Test
  void twoModulesForOneEncounterAreRefused() {
    PlanCsv.Course course =
        new PlanCsv.Course(List.of(ANA, BEN), List.of(DR_RAY), Set.of("a", "b")::contains);
    PlanCsv.Result result =
        PlanCsv.read(
            HEADER + ",module\nu-ana,S1,patient,A,,a\nu-ana,S1,faculty,,u-ray,b\n", course);
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertTrue(
        result
            .problems()
            .get(0)
            .text()
            .startsWith("Row 3, column module: another row of Ana Silva"),
        result.problems().toString());
  }

  @Test
  void aPlanOfTwelveStudentsAtTwoStationsWithStandardizedPatients() {
    List<PlanCsv.Person> students =
        java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj(i -> new PlanCsv.Person(i, "s" + i, "Student " + i, "s" + i + "@x.example"))
            .toList();
    StringBuilder csv = new StringBuilder(HEADER + "\n");
    for (int i = 1; i <= 12; i++) {
      csv.append("s").append(i).append("@x.example,Station A,patient,SP A,spa@x.example\n");
      csv.append("s").append(i).append("@x.example,Station B,patient,SP B,\n");
    }
    PlanCsv.Result result =
        PlanCsv.read(csv.toString(), new PlanCsv.Course(students, List.of(), m -> false));
    assertEquals(List.of(), result.problems());
    assertEquals(24, result.encounters().size());
    assertEquals(24, result.raters());
  }
}
