package org.rapport.lti.protocol.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rapport.lti.protocol.claims.LtiRole.ADMINISTRATOR;
import static org.rapport.lti.protocol.claims.LtiRole.CONTENT_DEVELOPER;
import static org.rapport.lti.protocol.claims.LtiRole.INSTRUCTOR;
import static org.rapport.lti.protocol.claims.LtiRole.MENTOR;
import static org.rapport.lti.protocol.claims.LtiRole.STUDENT;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoleMapperTest {
  private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";
  private static final String INSTITUTION =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
  private static final String CONTEXT = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  private static final String SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";

  static Stream<Arguments> roles() {
    return Stream.of(
        // context roles
        Arguments.of(CONTEXT + "Learner", Set.of(STUDENT)),
        Arguments.of(CONTEXT + "Instructor", Set.of(INSTRUCTOR)),
        Arguments.of(CONTEXT + "Administrator", Set.of(ADMINISTRATOR)),
        Arguments.of(CONTEXT + "ContentDeveloper", Set.of(CONTENT_DEVELOPER)),
        Arguments.of(CONTEXT + "Mentor", Set.of(MENTOR)),
        Arguments.of(CONTEXT + "Member", Set.of()),
        Arguments.of(CONTEXT + "Manager", Set.of()),
        Arguments.of(CONTEXT + "Officer", Set.of()),
        // context sub-roles
        Arguments.of(SUB + "Instructor#TeachingAssistant", Set.of(INSTRUCTOR)),
        Arguments.of(SUB + "Instructor#Grader", Set.of(INSTRUCTOR)),
        Arguments.of(SUB + "Instructor#PrimaryInstructor", Set.of(INSTRUCTOR)),
        Arguments.of(SUB + "Learner#NonCreditLearner", Set.of(STUDENT)),
        Arguments.of(SUB + "Administrator#Administrator", Set.of(ADMINISTRATOR)),
        Arguments.of(SUB + "Administrator#Support", Set.of()),
        Arguments.of(SUB + "ContentDeveloper#Librarian", Set.of(CONTENT_DEVELOPER)),
        Arguments.of(SUB + "Mentor#Advisor", Set.of(MENTOR)),
        Arguments.of(SUB + "Member#Member", Set.of()),
        // institution roles
        Arguments.of(INSTITUTION + "Faculty", Set.of(INSTRUCTOR)),
        Arguments.of(INSTITUTION + "Instructor", Set.of(INSTRUCTOR)),
        Arguments.of(INSTITUTION + "Student", Set.of(STUDENT)),
        Arguments.of(INSTITUTION + "Learner", Set.of(STUDENT)),
        Arguments.of(INSTITUTION + "Administrator", Set.of(ADMINISTRATOR)),
        Arguments.of(INSTITUTION + "Mentor", Set.of(MENTOR)),
        Arguments.of(INSTITUTION + "Staff", Set.of()),
        Arguments.of(INSTITUTION + "Guest", Set.of()),
        Arguments.of(INSTITUTION + "Observer", Set.of()),
        // system roles
        Arguments.of(SYSTEM + "Administrator", Set.of(ADMINISTRATOR)),
        Arguments.of(SYSTEM + "SysAdmin", Set.of(ADMINISTRATOR)),
        Arguments.of(SYSTEM + "AccountAdmin", Set.of(ADMINISTRATOR)),
        Arguments.of(SYSTEM + "User", Set.of()),
        Arguments.of(SYSTEM + "None", Set.of()),
        Arguments.of("http://purl.imsglobal.org/vocab/lti/system/person#TestUser", Set.of()),
        // short forms
        Arguments.of("Learner", Set.of(STUDENT)),
        Arguments.of("Instructor", Set.of(INSTRUCTOR)),
        Arguments.of("TeachingAssistant", Set.of(INSTRUCTOR)),
        Arguments.of("Administrator", Set.of(ADMINISTRATOR)),
        Arguments.of("ContentDeveloper", Set.of(CONTENT_DEVELOPER)),
        Arguments.of("Mentor", Set.of(MENTOR)),
        Arguments.of("urn:lti:role:ims/lis/Learner", Set.of(STUDENT)),
        Arguments.of("urn:lti:role:ims/lis/Instructor", Set.of(INSTRUCTOR)),
        Arguments.of("urn:lti:role:ims/lis/TeachingAssistant", Set.of(INSTRUCTOR)),
        Arguments.of("urn:lti:role:ims/lis/Instructor/TeachingAssistant", Set.of(INSTRUCTOR)),
        Arguments.of("urn:lti:instrole:ims/lis/Faculty", Set.of(INSTRUCTOR)),
        Arguments.of("urn:lti:instrole:ims/lis/Student", Set.of(STUDENT)),
        Arguments.of("urn:lti:sysrole:ims/lis/SysAdmin", Set.of(ADMINISTRATOR)),
        // nonsense
        Arguments.of("", Set.of()),
        Arguments.of("https://evil.example/vocab#Instructor", Set.of()),
        Arguments.of(CONTEXT, Set.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("roles")
  void mapsRole(String uri, Set<LtiRole> expected) {
    assertEquals(expected, RoleMapper.map(List.of(uri)));
  }

  @Test
  void unitesSeveralRoles() {
    assertEquals(
        Set.of(STUDENT, INSTRUCTOR, ADMINISTRATOR),
        RoleMapper.map(
            List.of(CONTEXT + "Learner", INSTITUTION + "Faculty", SYSTEM + "Administrator")));
  }

  @Test
  void emptyRolesMapToNothing() {
    assertEquals(Set.of(), RoleMapper.map(List.of()));
  }
}
