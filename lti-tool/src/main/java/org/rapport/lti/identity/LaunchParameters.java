package org.rapport.lti.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Year;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.launch.CourseRole;
import org.rapport.lti.launch.LearnerLaunched;
import org.rapport.lti.settings.RapportSettings;

/**
 * Reads the custom parameters a student's launch may carry:
 *
 * <ul>
 *   <li>{@code rapport_student_id} — the institution's pseudonymous id for the student (the id its
 *       historical import files use); links the LMS user to it, so imported waves appear in the
 *       student's trajectory, when the registration allows launches to link and the id is free;
 *       otherwise the request waits for an administrator ({@link StudentLinkRequests}).
 *   <li>{@code rapport_matriculation_year} — the year the student started medical school; places
 *       them in that cohort. It sets the cohort when none is known or when it came from the student
 *       or an earlier launch; a cohort an administrator set is left alone. Every change is recorded
 *       as a cohort move.
 * </ul>
 *
 * Values that are unreadable (for example an unresolved substitution variable like {@code
 * $Canvas.user.sisid}) are ignored with a log line. A launch never fails here.
 */
@ApplicationScoped
public class LaunchParameters {
  public static final String STUDENT_ID = "rapport_student_id";
  public static final String MATRICULATION_YEAR = "rapport_matriculation_year";

  private static final Logger LOG = Logger.getLogger(LaunchParameters.class.getName());

  @Inject Applier applier;

  void launched(@Observes LearnerLaunched launch) {
    if (launch.role() != CourseRole.STUDENT) {
      return;
    }
    String studentId = launch.custom().get(STUDENT_ID);
    String year = launch.custom().get(MATRICULATION_YEAR);
    if (studentId == null && year == null) {
      return;
    }
    try {
      applier.apply(launch, studentId, year);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not apply the custom parameters of learner "
              + launch.learnerId()
              + "'s launch; the launch goes on without them: "
              + e.getMessage());
    }
  }

  /**
   * Applies the parameters in a transaction of its own: when something goes wrong only this work is
   * rolled back, never the launch.
   */
  @ApplicationScoped
  public static class Applier {
    @Inject Students students;
    @Inject Cohorts cohorts;
    @Inject StudentLinkRequests linkRequests;
    @Inject RapportSettings settings;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(LearnerLaunched launch, String studentId, String yearText) {
      if (studentId != null && !studentId.isBlank()) {
        String id = studentId.strip();
        if (id.matches("[A-Za-z0-9._:-]{1,64}")) {
          linkRequests.fromLaunch(launch.registrationId(), id, launch.subject());
        } else {
          LOG.warning(
              () ->
                  "Ignoring custom parameter "
                      + STUDENT_ID
                      + " of learner "
                      + launch.learnerId()
                      + ": not a pseudonymous id (1 to 64 letters, digits, . _ : -).");
        }
      }
      if (yearText == null || yearText.isBlank()) {
        return;
      }
      MatriculationYear.Parsed parsed =
          MatriculationYear.parse(yearText, Year.from(settings.today()));
      if (parsed.year().isEmpty()) {
        LOG.warning(
            () ->
                "Ignoring custom parameter "
                    + MATRICULATION_YEAR
                    + " of learner "
                    + launch.learnerId()
                    + ": "
                    + parsed.problem().orElse(""));
        return;
      }
      Student student = students.ensureForSubject(launch.registrationId(), launch.subject());
      if (student.getCohortSource() == CohortSource.ADMIN) {
        return;
      }
      Cohort cohort = cohorts.findOrCreate(launch.registrationId(), parsed.year().get());
      Optional<Long> current = Optional.ofNullable(student.getCohortId());
      if (current.isPresent() && current.get().equals(cohort.getId())) {
        return;
      }
      students.placeIn(
          student,
          cohort,
          CohortSource.LTI,
          "LTI launch",
          "The LMS sent "
              + MATRICULATION_YEAR
              + "="
              + parsed.year().get()
              + (current.isPresent() ? " (different from the cohort Rapport had)." : "."));
    }
  }
}
