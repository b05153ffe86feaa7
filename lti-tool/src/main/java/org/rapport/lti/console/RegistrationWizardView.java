package org.rapport.lti.console;

import java.util.List;
import org.rapport.lti.registration.PlatformSetupValues;

/**
 * The wizard's form for one LMS: where the LMS is (to fill in its known endpoints), what to paste
 * into the LMS, and the registration's fields, each with its own problem after a refused save.
 *
 * @param kind the LMS (a {@code PlatformKind} name)
 * @param kindLabel the LMS's name
 * @param site the question about the LMS's address, or null when its endpoints need none
 * @param fillHint what the fill-in button does for this LMS, or null when it cannot do anything
 * @param fields the registration's text fields in order
 * @param policies the choices for unknown deployment ids
 * @param problems every problem of the last save, each linked to its field
 * @param notice what the last action did, or null
 * @param platform the values to paste into the LMS and its steps
 * @param testPlatformSite in development mode, the site address the built-in test platform answers
 *     to for this LMS, or null
 */
record RegistrationWizardView(
    String kind,
    String kindLabel,
    SiteQuestion site,
    String fillHint,
    List<Field> fields,
    List<Choice> policies,
    List<Problem> problems,
    String notice,
    PlatformSetupValues.Platform platform,
    String testPlatformSite) {

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The LMS's address and, for Sakai, its number for the tool. */
  record SiteQuestion(
      String label, String hint, String value, boolean asksToolId, String toolId, String error) {}

  /** One option of a radio group. */
  record Choice(String value, String label, String hint, boolean checked) {}

  /** A problem of the last save, for the summary at the top; {@code field} is the input's id. */
  record Problem(String field, String message) {}

  /** A labelled text input with its hint and its problem. */
  record Field(
      String id,
      String label,
      String type,
      String value,
      String hint,
      String error,
      boolean required,
      String prefilledFrom) {

    boolean invalid() {
      return error != null;
    }

    /** The ids of the hint and the problem that describe the input. */
    String describedBy() {
      StringBuilder ids = new StringBuilder();
      if (hint != null) {
        ids.append(id).append("-hint");
      }
      if (error != null) {
        ids.append(ids.isEmpty() ? "" : " ").append(id).append("-error");
      }
      return ids.toString();
    }
  }
}
