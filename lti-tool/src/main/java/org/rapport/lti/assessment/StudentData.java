package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortMove;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.web.SpreadsheetCsv;

/**
 * A student's data as a whole: their consent, the export of everything Rapport holds about their
 * self-assessment, and its deletion. Exports and deletions are written to the audit log in the same
 * transaction.
 */
@ApplicationScoped
@Transactional
public class StudentData {
  @Inject Clock clock;
  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Waves waves;
  @Inject Responses responses;
  @Inject ScoreStore scores;
  @Inject AuditLog audit;
  @Inject StudentErasure erasure;
  @Inject StudentDrafts drafts;
  @Inject StudentRatings ratings;

  /** Records the student's consent, creating their record on first use. */
  public Student consent(long registrationId, String subject) {
    Student student = students.ensureForSubject(registrationId, subject);
    Student locked = students.lock(student.getId()).orElseThrow();
    if (!locked.hasConsented()) {
      locked.consent(OffsetDateTime.now(clock));
    }
    return locked;
  }

  /** Everything about one student, as they download it. */
  public record Export(
      String exportedAt,
      String about,
      StudentPart student,
      List<MovePart> cohortHistory,
      List<ResponsePart> responses,
      List<DraftPart> moduleDrafts,
      List<RatingPart> observedRatings) {
    /** The export of a student Rapport holds nothing about, made at {@code clock}'s now. */
    static Export nothing(Clock clock) {
      return new Export(
          OffsetDateTime.now(clock).toString(),
          ABOUT,
          null,
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
  }

  static final String ABOUT =
      "Everything Rapport stores about your empathy self-assessment: your pseudonymous code, your"
          + " class, when you agreed to the privacy notice, every response with its answers (as you"
          + " gave them) and scores. Faculty never see this; they see only averages of groups. It also lists"
          + " the drafts Rapport keeps of answers and reflections you are writing in modules (which"
          + " step, when last saved); their text is in the download of your reflections. Ratings of"
          + " your observed conversations (OSCE stations, practice with standardized patients,"
          + " clerkship and peer encounters) are listed once they are released to you, with the"
          + " kind of rater, never their name.";

  /** Who the export is about. */
  public record StudentPart(
      String pseudonym, Integer cohort, String cohortSource, String consentGiven) {}

  /**
   * One rating of an observed encounter of the student.
   *
   * @param released whether the student may see it yet (always true in the student's own export)
   */
  public record RatingPart(
      String session,
      String setting,
      String heldOn,
      String station,
      String raterType,
      String form,
      String status,
      BigDecimal total,
      Map<String, BigDecimal> subscales,
      String comment,
      boolean released) {}

  /** A draft of written work in a module: which step, and when it was last saved. */
  public record DraftPart(String module, String step, String savedAt) {}

  /** One change of cohort. */
  public record MovePart(
      Integer from, Integer to, String source, String by, String reason, String at) {}

  /** One response with its answers and every score. */
  public record ResponsePart(
      long id,
      String stage,
      String stageLabel,
      Integer cohort,
      String instrument,
      int version,
      String status,
      String startedAt,
      String submittedAt,
      String completedOn,
      Map<Integer, Integer> answers,
      List<ScorePart> scores) {}

  /** One score of a response, with the definition version that computed it. */
  public record ScorePart(
      int scoredWithVersion,
      boolean current,
      String origin,
      String status,
      Integer keyedSum,
      BigDecimal total,
      Map<String, BigDecimal> subscales,
      String scoredAt) {}

  /** The student's own download; audited. */
  public Export exportForStudent(long studentId, long learnerId) {
    Student student = students.find(studentId).orElseThrow();
    Export export = export(student, true);
    audit.student(
        learnerId,
        AuditAction.STUDENT_EXPORTED_OWN_DATA,
        student.getRegistrationId(),
        studentId,
        export.responses().size() + " responses");
    return export;
  }

  Export export(Student student, boolean releasedOnly) {
    Integer cohortYear =
        Optional.ofNullable(student.getCohortId())
            .flatMap(cohorts::find)
            .map(Cohort::getMatriculationYear)
            .orElse(null);
    List<MovePart> moves = new ArrayList<>();
    for (CohortMove m : students.history(student.getId())) {
      moves.add(
          new MovePart(
              year(m.getFromCohortId()),
              year(m.getToCohortId()),
              m.getSource().name(),
              m.getMovedBy(),
              m.getReason(),
              m.getMovedAt().toString()));
    }
    List<ResponsePart> parts = new ArrayList<>();
    for (AssessmentResponse r : responses.of(student.getId())) {
      Optional<Wave> wave = waves.find(r.getWaveId());
      List<ScorePart> scoreParts = new ArrayList<>();
      for (ResponseScore s : scores.all(r.getId())) {
        Map<String, BigDecimal> subscales = new LinkedHashMap<>();
        scores
            .find(r.getId(), s.getScoredWithVersion())
            .ifPresent(
                stored ->
                    stored
                        .subscales()
                        .forEach(x -> subscales.put(x.getSubscaleId(), x.getValue())));
        scoreParts.add(
            new ScorePart(
                s.getScoredWithVersion(),
                Integer.valueOf(s.getScoredWithVersion()).equals(r.getScoreVersion()),
                s.getOrigin().name(),
                s.getStatus(),
                s.getKeyedSum(),
                s.getValue(),
                subscales,
                s.getScoredAt().toString()));
      }
      parts.add(
          new ResponsePart(
              r.getId(),
              wave.map(Wave::getStageCode).orElse(null),
              wave.map(w -> waves.stage(w).label()).orElse(null),
              wave.map(w -> year(w.getCohortId())).orElse(null),
              r.getInstrumentId(),
              r.instrument().version(),
              r.getStatus().name(),
              r.getStartedAt().toString(),
              r.getSubmittedAt() == null ? null : r.getSubmittedAt().toString(),
              r.getCompletedOn() == null ? null : r.getCompletedOn().toString(),
              responses.answers(r.getId()),
              scoreParts));
    }
    return new Export(
        OffsetDateTime.now(clock).toString(),
        ABOUT,
        new StudentPart(
            student.getPseudonym(),
            cohortYear,
            student.getCohortSource() == null ? null : student.getCohortSource().name(),
            student.getConsentAt() == null ? null : student.getConsentAt().toString()),
        moves,
        parts,
        drafts.of(student.getRegistrationId(), student.getLmsSubject()),
        ratings.of(student.getId(), releasedOnly));
  }

  /** The export as CSV: one row per response, current scores, answers by item. */
  static String csv(Export export) {
    TreeSet<Integer> items = new TreeSet<>();
    TreeSet<String> subscales = new TreeSet<>();
    for (ResponsePart r : export.responses()) {
      items.addAll(r.answers().keySet());
      r.scores().stream()
          .filter(ScorePart::current)
          .forEach(s -> subscales.addAll(s.subscales().keySet()));
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "pseudonym",
                "cohort",
                "stage",
                "instrument",
                "version",
                "status",
                "submitted_at",
                "completed_on",
                "scored_with_version",
                "total"));
    subscales.forEach(s -> header.add("subscale_" + s));
    items.forEach(i -> header.add("item_" + i));
    SpreadsheetCsv csv = new SpreadsheetCsv(header);
    for (ResponsePart r : export.responses()) {
      Optional<ScorePart> current = r.scores().stream().filter(ScorePart::current).findFirst();
      List<String> row = new ArrayList<>();
      row.add(export.student() == null ? "" : export.student().pseudonym());
      row.add(r.cohort() == null ? "" : r.cohort().toString());
      row.add(nullToEmpty(r.stage()));
      row.add(r.instrument());
      row.add(String.valueOf(r.version()));
      row.add(r.status());
      row.add(nullToEmpty(r.submittedAt()));
      row.add(nullToEmpty(r.completedOn()));
      row.add(current.map(s -> String.valueOf(s.scoredWithVersion())).orElse(""));
      row.add(current.map(s -> s.total().stripTrailingZeros().toPlainString()).orElse(""));
      for (String s : subscales) {
        row.add(
            current
                .map(c -> c.subscales().get(s))
                .map(v -> v.stripTrailingZeros().toPlainString())
                .orElse(""));
      }
      for (int i : items) {
        Integer a = r.answers().get(i);
        row.add(a == null ? "" : a.toString());
      }
      csv.row(row);
    }
    return csv.text();
  }

  /**
   * What a deletion removed.
   *
   * @param removed rows removed per kind of data, as the audit row lists them
   */
  public record Deletion(
      long studentId, String pseudonym, int responses, Map<String, Integer> removed) {}

  /**
   * Deletes everything personal about a student: the record with all responses, answers, scores and
   * cohort history, and through {@link StudentErasure} the LMS user (name, email), course
   * memberships, module progress, reflections and drafts, queued grades and launch-log entries
   * naming them. One audit row says how much of each kind was removed, without the pseudonym.
   */
  public Optional<Deletion> delete(long studentId, String admin) {
    Optional<Student> student = students.lock(studentId);
    if (student.isEmpty()) {
      return Optional.empty();
    }
    Student s = student.get();
    Map<String, Integer> removed =
        erasure.erase(s.getRegistrationId(), studentId, s.getPseudonym(), s.getLmsSubject());
    int count = removed.get(StudentErasure.RESPONSES);
    Deletion deletion = new Deletion(studentId, s.getPseudonym(), count, removed);
    students.delete(s);
    StringBuilder detail = new StringBuilder("Removed:");
    removed.forEach((kind, n) -> detail.append(' ').append(n).append(' ').append(kind).append(','));
    detail.append(" and the student record.");
    audit.admin(
        admin,
        AuditAction.STUDENT_DATA_DELETED,
        s.getRegistrationId(),
        studentId,
        detail.toString());
    return Optional.of(deletion);
  }

  private Integer year(Long cohortId) {
    return cohortId == null
        ? null
        : cohorts.find(cohortId).map(Cohort::getMatriculationYear).orElse(null);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
