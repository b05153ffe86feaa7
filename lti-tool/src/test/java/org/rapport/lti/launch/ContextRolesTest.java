package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role a launch gives in a course, as a table: roles claim (space-separated here), how the
 * registration treats TeachingAssistants, expected Rapport role.
 */
class ContextRolesTest {
  private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  private static final String MS = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
  private static final String I = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
  private static final String S = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";
  private static final TeachingAssistantRole TA_STUDENT = TeachingAssistantRole.STUDENT;
  private static final TeachingAssistantRole TA_FACULTY = TeachingAssistantRole.INSTRUCTOR;

  static Stream<Arguments> table() {
    return Stream.of(
        // plain context roles
        row(M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(M + "Instructor", TA_STUDENT, CourseRole.INSTRUCTOR),
        row(M + "Administrator", TA_STUDENT, CourseRole.ADMINISTRATOR),
        row(MS + "Learner#NonCreditLearner", TA_STUDENT, CourseRole.STUDENT),
        row(MS + "Instructor#Lecturer", TA_STUDENT, CourseRole.INSTRUCTOR),
        row("Instructor", TA_STUDENT, CourseRole.INSTRUCTOR),
        row("urn:lti:role:ims/lis/Learner", TA_STUDENT, CourseRole.STUDENT),
        row("urn:lti:role:ims/lis/Instructor", TA_STUDENT, CourseRole.INSTRUCTOR),
        // institution and system roles do not count in a course
        row(I + "Instructor " + M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(I + "Faculty " + M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(I + "Administrator " + M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(S + "Administrator " + M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(I + "Instructor", TA_STUDENT, CourseRole.STUDENT),
        row(I + "Faculty", TA_FACULTY, CourseRole.STUDENT),
        row(S + "SysAdmin", TA_STUDENT, CourseRole.STUDENT),
        row("urn:lti:instrole:ims/lis/Instructor " + M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(I + "Student " + M + "Instructor", TA_STUDENT, CourseRole.INSTRUCTOR),
        // TeachingAssistant follows the registration
        row(MS + "Instructor#TeachingAssistant", TA_STUDENT, CourseRole.STUDENT),
        row(MS + "Instructor#TeachingAssistant", TA_FACULTY, CourseRole.INSTRUCTOR),
        row(M + "TeachingAssistant", TA_STUDENT, CourseRole.STUDENT),
        row(M + "TeachingAssistant", TA_FACULTY, CourseRole.INSTRUCTOR),
        row("urn:lti:role:ims/lis/TeachingAssistant", TA_FACULTY, CourseRole.INSTRUCTOR),
        row("urn:lti:role:ims/lis/Instructor/TeachingAssistant", TA_STUDENT, CourseRole.STUDENT),
        row(MS + "Instructor#TeachingAssistant " + M + "Learner", TA_STUDENT, CourseRole.STUDENT),
        row(
            MS + "Instructor#TeachingAssistant " + M + "Learner",
            TA_FACULTY,
            CourseRole.INSTRUCTOR),
        row(
            MS + "Instructor#TeachingAssistant " + M + "Instructor",
            TA_STUDENT,
            CourseRole.INSTRUCTOR),
        row(
            I + "Instructor " + MS + "Instructor#TeachingAssistant",
            TA_STUDENT,
            CourseRole.STUDENT),
        // roles that grant nothing in Rapport
        row(M + "ContentDeveloper", TA_FACULTY, CourseRole.STUDENT),
        row(M + "Mentor", TA_FACULTY, CourseRole.STUDENT),
        row(M + "Member", TA_FACULTY, CourseRole.STUDENT),
        row("", TA_FACULTY, CourseRole.STUDENT));
  }

  private static Arguments row(String roles, TeachingAssistantRole ta, CourseRole expected) {
    return Arguments.of(roles, ta, expected);
  }

  @ParameterizedTest(name = "[{index}] {0} (TA as {1}) -> {2}")
  @MethodSource("table")
  void mapsContextRolesOnly(String roles, TeachingAssistantRole ta, CourseRole expected) {
    List<String> uris = Arrays.stream(roles.split(" ")).filter(r -> !r.isEmpty()).toList();
    assertEquals(expected, ContextRoles.inCourse(uris, ta));
  }
}
