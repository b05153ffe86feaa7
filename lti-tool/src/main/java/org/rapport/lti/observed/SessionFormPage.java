package org.rapport.lti.observed;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * The page to plan an encounter session (template {@code observed-new}): an OSCE day from a CSV
 * plan, or one encounter chosen from the course's members; after a refused attempt, the problems
 * and what was typed.
 *
 * @param sent which form was sent: {@code plan}, {@code one}, or null
 * @param problems what to put right; empty before the first attempt
 */
public record SessionFormPage(
    Nav nav,
    String s,
    String backHref,
    String planAction,
    String oneAction,
    Details plan,
    Details one,
    String planText,
    List<Option> students,
    List<Option> faculty,
    List<Option> modules,
    String station,
    boolean patient,
    String patientName,
    String patientEmail,
    String sent,
    List<String> problems,
    String example,
    boolean noStudents) {

  /** The fields every session has. */
  public record Details(String title, List<Option> settings, String heldOn, List<Option> stages) {}

  /** A choice in a list; {@code selected} when it is the current value. */
  public record Option(String value, String label, boolean selected) {}

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public boolean sentPlan() {
    return "plan".equals(sent);
  }

  public boolean sentOne() {
    return "one".equals(sent);
  }

  public boolean hasFaculty() {
    return !faculty.isEmpty();
  }
}
