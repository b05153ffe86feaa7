package org.rapport.lti.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.imports.CsvFormatException;
import org.rapport.curriculum.imports.CsvReader;
import org.rapport.curriculum.imports.ObservedColumns;
import org.rapport.curriculum.imports.ObservedResult;
import org.rapport.curriculum.imports.ObservedResultFileValidator;
import org.rapport.curriculum.imports.ProblemList;
import org.rapport.curriculum.imports.RatingFormLookup;
import org.rapport.curriculum.imports.RowProblem;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Schedules;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.observed.Encounter;
import org.rapport.lti.observed.EncounterRater;
import org.rapport.lti.observed.EncounterSession;
import org.rapport.lti.observed.EncounterSetting;
import org.rapport.lti.observed.ObservedRating;
import org.rapport.lti.observed.ObservedRepository;
import org.rapport.lti.observed.RatingForms;
import org.rapport.lti.observed.SessionOrigin;
import org.rapport.lti.registration.PlatformRegistration;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.InvalidRequestException;

/**
 * Imports a file of past observed ratings (OSCE communication stations and the like) into a tenant,
 * all or nothing, in one transaction: every row is checked first; a file with any problem imports
 * nothing and its problems are returned by row and column; a file imported into the tenant before
 * changes nothing. The ratings of one day, setting and stage become one encounter session (origin
 * {@link SessionOrigin#IMPORTED}, no course), with one encounter per student and station and one
 * rater and rating per row. Students are found, or created, by their pseudonym.
 */
@ApplicationScoped
public class ObservedImports {
  /** The most rating rows a file may have. */
  public static final int MAX_ROWS = 20_000;

  static final String TOO_MANY_ROWS =
      "the file has more than %d rating rows; split it into several files and import them one"
          + " after another";

  static final String IN_OTHER_COHORT =
      "student %s is in the cohort of %d in Rapport, not %d; correct the file, or move the student"
          + " on the Students page first";

  private static final int CLEAR_EVERY = 500;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject ObservedRepository repository;
  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Instruments instruments;
  @Inject Schedules schedules;
  @Inject RapportSettings settings;
  @Inject RatingForms forms;
  @Inject RegistrationRepository registrations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * What an import did. {@code outcome} is {@code IMPORTED}, {@code UNCHANGED} (the file was
   * imported before: {@code importId} names that import) or {@code REFUSED} (nothing was imported:
   * {@code problems} lists why, the first {@link ImportJobs#KEPT_PROBLEMS}).
   */
  public record Result(
      Outcome outcome,
      Long importId,
      long registrationId,
      String fileName,
      String message,
      int ratings,
      int sessions,
      int encounters,
      int studentsCreated,
      boolean released,
      int problemCount,
      List<ImportJobView.ProblemView> problems) {

    public boolean refused() {
      return outcome == Outcome.REFUSED;
    }

    public boolean unchanged() {
      return outcome == Outcome.UNCHANGED;
    }
  }

  /** How an import ended. */
  public enum Outcome {
    IMPORTED,
    UNCHANGED,
    REFUSED
  }

  /** One import of a tenant, for lists. */
  public record ImportView(
      long id,
      long registrationId,
      String tenant,
      String fileName,
      int ratings,
      int sessions,
      int encounters,
      int studentsCreated,
      boolean released,
      String importedBy,
      String importedAt) {}

  /**
   * Checks the file and, when no row has a problem, imports it.
   *
   * @param release whether the students see the imported ratings at once
   * @throws InvalidRequestException when the tenant is not named or unknown, or the file is empty
   */
  @Transactional
  public Result importFile(
      Long registrationId, String fileName, ImportSpool file, boolean release, String actor) {
    List<String> invalid = new ArrayList<>();
    if (registrationId == null) {
      invalid.add("registration: say which tenant the ratings belong to, e.g. ?registration=1.");
    } else if (registrations.find(registrationId).isEmpty()) {
      invalid.add(
          "registration: there is no registration (tenant) with id " + registrationId + ".");
    }
    if (file.size() == 0) {
      invalid.add("file: the file is empty; upload the CSV file with its header row.");
    }
    if (!invalid.isEmpty()) {
      throw new InvalidRequestException(invalid);
    }
    long tenant = registrationId;
    String name = clip(fileName);
    // One import of a tenant at a time: the second of two uploads of one file sees the first.
    em.find(PlatformRegistration.class, tenant, LockModeType.PESSIMISTIC_WRITE);
    Optional<ObservedImport> before = importOf(tenant, file.sha256());
    if (before.isPresent()) {
      ObservedImport b = before.get();
      return new Result(
          Outcome.UNCHANGED,
          b.getId(),
          tenant,
          name,
          "This file was imported into this tenant before (import "
              + b.getId()
              + " on "
              + DAY.format(b.getImportedAt().withOffsetSameInstant(ZoneOffset.UTC))
              + "); nothing changed.",
          0,
          0,
          0,
          0,
          b.isReleased(),
          0,
          List.of());
    }

    Checked checked;
    try (Reader in = ImportRunner.reader(file)) {
      checked = check(in, tenant);
    } catch (IOException e) {
      throw new IllegalStateException("The uploaded file could not be read again", e);
    }
    if (checked.problems().isEmpty()) {
      existingCohorts(tenant, checked);
    }
    if (!checked.problems().isEmpty()) {
      int count = checked.problems().distinct();
      int rows = checked.problemRows();
      String message =
          "Nothing was imported: "
              + count
              + (count == 1 ? " problem" : " problems")
              + (rows > 0 ? " in " + rows + (rows == 1 ? " row" : " rows") : "")
              + ". Fix "
              + (count == 1 ? "it" : "them")
              + " and upload the file again.";
      return new Result(
          Outcome.REFUSED,
          null,
          tenant,
          name,
          message,
          0,
          0,
          0,
          0,
          release,
          count,
          checked.problems().problems().stream()
              .map(p -> new ImportJobView.ProblemView(p.row(), p.column(), p.message()))
              .toList());
    }
    return write(tenant, name, file.sha256(), checked.results(), release, actor);
  }

  private static final class Checked {
    private final List<ObservedResult> results;
    private final ProblemList problems;
    private int problemRows;

    Checked(List<ObservedResult> results, ProblemList problems, int problemRows) {
      this.results = results;
      this.problems = problems;
      this.problemRows = problemRows;
    }

    List<ObservedResult> results() {
      return results;
    }

    ProblemList problems() {
      return problems;
    }

    int problemRows() {
      return problemRows;
    }
  }

  /**
   * A row's cohort must be the one Rapport already has for the student (a student belongs to one
   * cohort; moving one is an administrator's correction on the Students page, not an import's).
   */
  private void existingCohorts(long registrationId, Checked checked) {
    Map<String, Optional<Integer>> known = new HashMap<>();
    for (ObservedResult r : checked.results()) {
      if (r.cohort().isEmpty()) {
        continue;
      }
      Optional<Integer> year =
          known.computeIfAbsent(
              r.studentPseudonym(),
              p ->
                  students
                      .byPseudonym(registrationId, p)
                      .map(Student::getCohortId)
                      .flatMap(cohorts::find)
                      .map(Cohort::getMatriculationYear));
      if (year.isPresent() && year.get() != r.cohort().get().value()) {
        checked.problemRows++;
        checked
            .problems()
            .add(
                new RowProblem(
                    r.row(),
                    ObservedColumns.COHORT,
                    String.format(
                        IN_OTHER_COHORT,
                        r.studentPseudonym(),
                        year.get(),
                        r.cohort().get().value())));
      }
    }
  }

  private Checked check(Reader in, long registrationId) throws IOException {
    ProblemList problems = new ProblemList(ImportJobs.KEPT_PROBLEMS);
    List<ObservedResult> results = new ArrayList<>();
    Programme programme = schedules.programme(registrationId);
    ObservedResultFileValidator validator =
        new ObservedResultFileValidator(
            instruments.catalog(), formLookup(), programme, settings.today());
    int problemRows = 0;
    int rows = 0;
    try {
      CsvReader csv = new CsvReader(in);
      List<RowProblem> header = validator.header(csv.next());
      if (!header.isEmpty()) {
        problems.addAll(header);
        return new Checked(List.of(), problems, 0);
      }
      for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
        if (ObservedResultFileValidator.isBlank(fields)) {
          continue;
        }
        if (++rows > MAX_ROWS) {
          problems.add(
              new RowProblem(
                  csv.recordNumber(),
                  RowProblem.WHOLE_FILE,
                  String.format(TOO_MANY_ROWS, MAX_ROWS)));
          break;
        }
        ObservedResultFileValidator.Outcome outcome = validator.row(csv.recordNumber(), fields);
        if (outcome.result().isPresent()) {
          results.add(outcome.result().get());
        } else {
          problemRows++;
          problems.addAll(outcome.problems());
        }
      }
    } catch (CsvFormatException e) {
      problems.add(new RowProblem(e.row(), RowProblem.WHOLE_FILE, e.problem()));
    }
    if (results.isEmpty() && problems.isEmpty()) {
      problems.add(
          new RowProblem(
              2,
              RowProblem.WHOLE_FILE,
              "the file has a header but no ratings; add one row per rating below the header"));
    }
    return new Checked(results, problems, problemRows);
  }

  /** The tenant's form for each rater type, as rating links use them. */
  private RatingFormLookup formLookup() {
    return type -> {
      try {
        return Optional.of(forms.formFor(type));
      } catch (IllegalStateException misconfigured) {
        return Optional.empty();
      }
    };
  }

  private Result write(
      long registrationId,
      String fileName,
      String sha256,
      List<ObservedResult> results,
      boolean release,
      String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    ObservedImport record =
        new ObservedImport(registrationId, sha256, fileName, release, actor, now);
    em.persist(record);
    em.flush();
    long importId = record.getId();

    Map<ObservedResult.Session, Long> sessions = new LinkedHashMap<>();
    Map<ObservedResult.Encounter, Long> encounters = new HashMap<>();
    Map<String, Long> studentIds = new HashMap<>();
    Map<org.rapport.curriculum.instruments.InstrumentRef, Instrument> definitions = new HashMap<>();
    int created = 0;
    int written = 0;
    for (ObservedResult r : results) {
      Long sessionId = sessions.get(r.session());
      if (sessionId == null) {
        EncounterSetting setting = EncounterSetting.valueOf(r.setting());
        EncounterSession session =
            new EncounterSession(
                registrationId,
                null,
                title(setting, r, fileName),
                setting,
                r.date(),
                r.stage().code(),
                SessionOrigin.IMPORTED,
                actor,
                now);
        if (release) {
          session.release(actor, now);
        }
        repository.add(session);
        repository.flush();
        sessionId = session.getId();
        sessions.put(r.session(), sessionId);
      }
      Long studentId = studentIds.get(r.studentPseudonym());
      if (studentId == null) {
        Optional<Long> known =
            students.byPseudonym(registrationId, r.studentPseudonym()).map(s -> s.getId());
        if (known.isEmpty()) {
          created++;
        }
        studentId =
            known.orElseGet(
                () -> students.ensureForPseudonym(registrationId, r.studentPseudonym()).getId());
        studentIds.put(r.studentPseudonym(), studentId);
        if (r.cohort().isPresent()) {
          Student student = students.find(studentId).orElseThrow();
          if (student.getCohortId() == null) {
            students.placeIn(
                student,
                cohorts.findOrCreate(registrationId, r.cohort().get()),
                CohortSource.IMPORT,
                actor,
                "observed-ratings import " + importId);
          }
        }
      }
      Long encounterId = encounters.get(r.encounter());
      if (encounterId == null) {
        Encounter encounter = new Encounter(sessionId, studentId, r.station(), null, now);
        repository.add(encounter);
        repository.flush();
        encounterId = encounter.getId();
        encounters.put(r.encounter(), encounterId);
      }
      EncounterRater rater = EncounterRater.imported(encounterId, r.raterType(), r.form(), now);
      repository.add(rater);
      repository.flush();
      Instrument form = definitions.computeIfAbsent(r.form(), instruments::get);
      OffsetDateTime ratedAt = r.date().atStartOfDay().atOffset(ZoneOffset.UTC);
      String comment = r.comment().orElse(null);
      repository.add(
          r.answers().isPresent()
              ? ObservedRating.scored(
                  rater.getId(),
                  form,
                  r.score().orElseThrow(),
                  r.answers().get().byItem(),
                  comment,
                  ratedAt)
              : ObservedRating.given(
                  rater.getId(), form, r.total().orElseThrow(), comment, ratedAt));
      if (++written % CLEAR_EVERY == 0) {
        // Keeps the persistence context small: only ids are kept between rows.
        repository.flush();
        em.clear();
      }
    }
    repository.flush();
    em.clear();
    ObservedImport done = em.find(ObservedImport.class, importId);
    done.counted(written, sessions.size(), encounters.size(), created);
    audit.admin(
        actor,
        AuditAction.OBSERVED_RATINGS_IMPORTED,
        registrationId,
        null,
        clipDetail(
            "observed import "
                + importId
                + " ("
                + (fileName == null ? "no name" : fileName)
                + "): "
                + written
                + " ratings, "
                + sessions.size()
                + " sessions"
                + (release ? ", released to the students" : ", not released")));
    return new Result(
        Outcome.IMPORTED,
        importId,
        registrationId,
        fileName,
        written
            + (written == 1 ? " rating" : " ratings")
            + " imported in "
            + sessions.size()
            + (sessions.size() == 1 ? " session" : " sessions")
            + " and "
            + encounters.size()
            + (encounters.size() == 1 ? " encounter" : " encounters")
            + "; "
            + created
            + " new pseudonymous "
            + (created == 1 ? "student" : "students")
            + ". "
            + (release
                ? "The students can see these ratings."
                : "The students do not see these ratings until the sessions are released."),
        written,
        sessions.size(),
        encounters.size(),
        created,
        release,
        0,
        List.of());
  }

  /** The import of a tenant, by id, if it is one. */
  @Transactional
  public Optional<ImportView> view(long id) {
    return Optional.ofNullable(em.find(ObservedImport.class, id)).map(this::view);
  }

  /** The latest imports (50), of one tenant or of all. */
  @Transactional
  public List<ImportView> recent(Long registrationId) {
    String jpql =
        "select i from ObservedImport i"
            + (registrationId == null ? "" : " where i.registrationId = :r")
            + " order by i.importedAt desc, i.id desc";
    var query = em.createQuery(jpql, ObservedImport.class).setMaxResults(50);
    if (registrationId != null) {
      query.setParameter("r", registrationId);
    }
    return query.getResultList().stream().map(this::view).toList();
  }

  /** The tenants a file can be imported into. */
  @Transactional
  public List<ImportsPage.Tenant> tenants() {
    return registrations.all().stream()
        .map(r -> new ImportsPage.Tenant(r.getId(), r.getName()))
        .toList();
  }

  private Optional<ObservedImport> importOf(long registrationId, String sha256) {
    return em.createQuery(
            "select i from ObservedImport i where i.registrationId = :r and i.fileSha256 = :h",
            ObservedImport.class)
        .setParameter("r", registrationId)
        .setParameter("h", sha256)
        .getResultStream()
        .findFirst();
  }

  private ImportView view(ObservedImport i) {
    String tenant =
        registrations
            .find(i.getRegistrationId())
            .map(PlatformRegistration::getName)
            .orElse("Tenant " + i.getRegistrationId());
    return new ImportView(
        i.getId(),
        i.getRegistrationId(),
        tenant,
        i.getFileName(),
        i.getRowsImported(),
        i.getSessions(),
        i.getEncounters(),
        i.getStudentsCreated(),
        i.isReleased(),
        i.getImportedBy(),
        DAY.format(i.getImportedAt().withOffsetSameInstant(ZoneOffset.UTC)));
  }

  private static String title(EncounterSetting setting, ObservedResult r, String fileName) {
    String title =
        setting.label()
            + ", "
            + r.stage().label()
            + " (imported"
            + (fileName == null ? "" : " from " + fileName)
            + ")";
    return title.length() <= 200 ? title : title.substring(0, 199) + "…";
  }

  private static String clip(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    String base = fileName.strip().replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.length() <= 255 ? base : base.substring(0, 255);
  }

  private static String clipDetail(String detail) {
    return detail.length() > 1000 ? detail.substring(0, 1000) : detail;
  }
}
