package org.rapport.lti.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A registration's identity policy as the admin API shows and takes it. A change must name both
 * fields; the constraints say how, and every problem is answered at once.
 *
 * @param launchLinksAllowed whether {@code rapport_student_id} in a launch links the LMS user to
 *     imported history without an administrator's approval
 * @param teachingAssistantRole {@code STUDENT} or {@code INSTRUCTOR}
 */
public record IdentityPolicyView(
    Long registrationId,
    @NotNull(message = "say true or false.") Boolean launchLinksAllowed,
    @NotNull(message = IdentityPolicyView.ROLES)
        @Pattern(regexp = "\\s*(?i:STUDENT|INSTRUCTOR)\\s*", message = IdentityPolicyView.ROLES)
        String teachingAssistantRole) {
  static final String ROLES = "use STUDENT or INSTRUCTOR.";
}
