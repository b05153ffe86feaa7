package org.rapport.lti.assessment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.rapport.lti.web.FilledIn;

/**
 * What an administrator sends to link a pseudonymous student ({@code studentId}, from an import) to
 * an LMS user ({@code lmsSubject}, the LTI {@code sub}) of a tenant. Every problem is answered at
 * once; whether the tenant exists is checked afterwards.
 */
public record StudentLinkView(
    @NotNull(message = "give the tenant's registration id.") Long registrationId,
    @NotNull(message = StudentLinkView.STUDENT_ID)
        @Pattern(regexp = "\\s*[A-Za-z0-9._:-]{1,64}\\s*", message = StudentLinkView.STUDENT_ID)
        String studentId,
    @FilledIn(
            max = 255,
            message = StudentLinkView.LMS_SUBJECT,
            tooLong = StudentLinkView.LMS_SUBJECT)
        String lmsSubject) {
  static final String STUDENT_ID =
      "give the pseudonymous id from the import file (1 to 64 letters, digits, dots, dashes,"
          + " underscores or colons).";
  static final String LMS_SUBJECT =
      "give the LMS user's LTI subject (sub), at most 255 characters.";
}
