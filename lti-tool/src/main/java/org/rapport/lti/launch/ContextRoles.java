package org.rapport.lti.launch;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rapport.lti.protocol.claims.LtiRole;
import org.rapport.lti.protocol.claims.RoleMapper;

/**
 * Decides a person's Rapport role in a course from the launch's <em>context</em> (course
 * membership) roles only. Institution and system roles describe the person, not this course: an
 * institution-level Instructor who takes this course as a Learner is a student here, and gets no
 * access to classmates' aggregates because of a title held elsewhere. A launch with no context role
 * is a student's, the least privileged reading.
 *
 * <p>Context roles are the LIS v2 membership vocabulary ({@code
 * http://purl.imsglobal.org/vocab/lis/v2/membership#Learner}, its sub-roles {@code
 * .../membership/Instructor#TeachingAssistant}), the LTI 1.1 context URNs ({@code
 * urn:lti:role:ims/lis/...}) and the bare names LTI 1.3 still allows for context roles. A
 * TeachingAssistant is a student or faculty as the registration says ({@link
 * TeachingAssistantRole}).
 */
public final class ContextRoles {
  private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  private static final String MEMBERSHIP_SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
  private static final String URN_CONTEXT = "urn:lti:role:ims/lis/";

  private ContextRoles() {}

  /** The Rapport role of a person whose launch carried {@code roleUris}. */
  public static CourseRole inCourse(Collection<String> roleUris, TeachingAssistantRole assistants) {
    List<String> context =
        roleUris.stream()
            .filter(u -> u != null)
            .map(String::strip)
            .filter(ContextRoles::isContextRole)
            .toList();
    boolean assistant = context.stream().anyMatch(ContextRoles::isTeachingAssistant);
    Set<LtiRole> others =
        RoleMapper.map(context.stream().filter(u -> !isTeachingAssistant(u)).toList());
    CourseRole role = CourseRole.from(others);
    if (assistant && assistants == TeachingAssistantRole.INSTRUCTOR && role == CourseRole.STUDENT) {
      return CourseRole.INSTRUCTOR;
    }
    return role;
  }

  static boolean isContextRole(String uri) {
    return uri.startsWith(MEMBERSHIP)
        || uri.startsWith(MEMBERSHIP_SUB)
        || uri.startsWith(URN_CONTEXT)
        || (!uri.isEmpty() && uri.chars().allMatch(Character::isLetter));
  }

  /** TeachingAssistant as a principal role, or as a sub-role of any principal context role. */
  static boolean isTeachingAssistant(String uri) {
    String name;
    if (uri.startsWith(MEMBERSHIP)) {
      name = uri.substring(MEMBERSHIP.length());
    } else if (uri.startsWith(MEMBERSHIP_SUB)) {
      String rest = uri.substring(MEMBERSHIP_SUB.length());
      name = rest.substring(rest.indexOf('#') + 1);
    } else if (uri.startsWith(URN_CONTEXT)) {
      String rest = uri.substring(URN_CONTEXT.length());
      name = rest.substring(rest.indexOf('/') + 1);
    } else {
      name = uri;
    }
    return name.toLowerCase(Locale.ROOT).startsWith("teachingassistant");
  }
}
