package org.rapport.lti.protocol.claims;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the LIS role vocabularies of LTI Core 1.3 Appendix A.2 to {@link LtiRole}.
 *
 * <ul>
 *   <li>System roles ({@code vocab/lis/v2/system/person#}, A.2.1): Administrator, SysAdmin and
 *       AccountAdmin are {@link LtiRole#ADMINISTRATOR}.
 *   <li>Institution roles ({@code vocab/lis/v2/institution/person#}, A.2.2): Administrator is
 *       ADMINISTRATOR; Faculty and Instructor are INSTRUCTOR; Student and Learner are STUDENT;
 *       Mentor is MENTOR. Note: institution roles describe the person, not this course, so a
 *       faculty member enrolled as a learner gets both STUDENT and INSTRUCTOR; callers that grant
 *       access to learners' data should prefer the context roles when any are present.
 *   <li>Context roles ({@code vocab/lis/v2/membership#}, A.2.3) and their sub-roles ({@code
 *       membership/<Principal>#<Sub>}, A.2.3.1): Instructor and every Instructor sub-role
 *       (TeachingAssistant, Grader, ...) are INSTRUCTOR, so a teaching assistant is an instructor;
 *       Learner and its sub-roles are STUDENT; Administrator (and the Administrator#Administrator
 *       sub-role) is ADMINISTRATOR; ContentDeveloper is CONTENT_DEVELOPER and Mentor is MENTOR,
 *       deliberately not INSTRUCTOR.
 *   <li>Short forms: a bare context role name ({@code Instructor}, {@code Learner}, {@code
 *       TeachingAssistant}...), which LTI 1.3 still allows for context roles, and the LTI 1.1 URNs
 *       ({@code urn:lti:role:ims/lis/...}, {@code urn:lti:instrole:ims/lis/...}, {@code
 *       urn:lti:sysrole:ims/lis/...}).
 * </ul>
 *
 * Other roles (Member, Manager, Officer, Staff, Guest, Observer, None, TestUser...) map to nothing.
 */
public final class RoleMapper {
  private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
  private static final String SYSTEM = LIS + "system/person#";
  private static final String INSTITUTION = LIS + "institution/person#";
  private static final String MEMBERSHIP = LIS + "membership#";
  private static final String MEMBERSHIP_SUB = LIS + "membership/";
  private static final String URN_CONTEXT = "urn:lti:role:ims/lis/";
  private static final String URN_INSTITUTION = "urn:lti:instrole:ims/lis/";
  private static final String URN_SYSTEM = "urn:lti:sysrole:ims/lis/";

  private static final Map<String, LtiRole> SYSTEM_ROLES =
      Map.of(
          "administrator", LtiRole.ADMINISTRATOR,
          "sysadmin", LtiRole.ADMINISTRATOR,
          "accountadmin", LtiRole.ADMINISTRATOR);

  private static final Map<String, LtiRole> INSTITUTION_ROLES =
      Map.of(
          "administrator", LtiRole.ADMINISTRATOR,
          "faculty", LtiRole.INSTRUCTOR,
          "instructor", LtiRole.INSTRUCTOR,
          "student", LtiRole.STUDENT,
          "learner", LtiRole.STUDENT,
          "mentor", LtiRole.MENTOR);

  private static final Map<String, LtiRole> CONTEXT_ROLES =
      Map.of(
          "administrator", LtiRole.ADMINISTRATOR,
          "instructor", LtiRole.INSTRUCTOR,
          "teachingassistant", LtiRole.INSTRUCTOR,
          "learner", LtiRole.STUDENT,
          "student", LtiRole.STUDENT,
          "contentdeveloper", LtiRole.CONTENT_DEVELOPER,
          "mentor", LtiRole.MENTOR);

  /** Principal context roles whose every sub-role maps like the principal role. */
  private static final Map<String, LtiRole> SUB_ROLE_FAMILIES =
      Map.of(
          "instructor", LtiRole.INSTRUCTOR,
          "learner", LtiRole.STUDENT,
          "contentdeveloper", LtiRole.CONTENT_DEVELOPER,
          "mentor", LtiRole.MENTOR);

  private RoleMapper() {}

  public static Set<LtiRole> map(Collection<String> roleUris) {
    EnumSet<LtiRole> roles = EnumSet.noneOf(LtiRole.class);
    for (String uri : roleUris) {
      if (uri != null) {
        mapOne(uri.trim()).ifPresent(roles::add);
      }
    }
    return Set.copyOf(roles);
  }

  private static Optional<LtiRole> mapOne(String uri) {
    if (uri.startsWith(SYSTEM)) {
      return lookup(SYSTEM_ROLES, uri.substring(SYSTEM.length()));
    }
    if (uri.startsWith(INSTITUTION)) {
      return lookup(INSTITUTION_ROLES, uri.substring(INSTITUTION.length()));
    }
    if (uri.startsWith(MEMBERSHIP)) {
      return lookup(CONTEXT_ROLES, uri.substring(MEMBERSHIP.length()));
    }
    if (uri.startsWith(MEMBERSHIP_SUB)) {
      return subRole(uri.substring(MEMBERSHIP_SUB.length()), '#');
    }
    if (uri.startsWith(URN_SYSTEM)) {
      return lookup(SYSTEM_ROLES, uri.substring(URN_SYSTEM.length()));
    }
    if (uri.startsWith(URN_INSTITUTION)) {
      return lookup(INSTITUTION_ROLES, uri.substring(URN_INSTITUTION.length()));
    }
    if (uri.startsWith(URN_CONTEXT)) {
      String rest = uri.substring(URN_CONTEXT.length());
      return rest.contains("/") ? subRole(rest, '/') : lookup(CONTEXT_ROLES, rest);
    }
    boolean simpleName = uri.chars().allMatch(Character::isLetter);
    return simpleName ? lookup(CONTEXT_ROLES, uri) : Optional.empty();
  }

  /** {@code Principal#Sub} (LTI 1.3) or {@code Principal/Sub} (LTI 1.1 URN). */
  private static Optional<LtiRole> subRole(String principalAndSub, char separator) {
    int at = principalAndSub.indexOf(separator);
    if (at <= 0) {
      return Optional.empty();
    }
    String principal = key(principalAndSub.substring(0, at));
    String sub = key(principalAndSub.substring(at + 1));
    if (principal.equals("administrator")) {
      return sub.equals("administrator") ? Optional.of(LtiRole.ADMINISTRATOR) : Optional.empty();
    }
    if (sub.startsWith("teachingassistant")) {
      return Optional.of(LtiRole.INSTRUCTOR);
    }
    return Optional.ofNullable(SUB_ROLE_FAMILIES.get(principal));
  }

  private static Optional<LtiRole> lookup(Map<String, LtiRole> vocabulary, String name) {
    return Optional.ofNullable(vocabulary.get(key(name)));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
