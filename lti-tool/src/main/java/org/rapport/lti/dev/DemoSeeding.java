package org.rapport.lti.dev;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.Choice;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.PracticeStep;
import org.rapport.curriculum.modules.ReadingStep;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.ScenarioNode;
import org.rapport.curriculum.modules.ScenarioStep;
import org.rapport.curriculum.modules.Step;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Schedules;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.WaveEditing;
import org.rapport.lti.cohorts.WaveRequestView;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.imports.ImportRunner;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.launch.LaunchRecorder;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.launch.RegistrationDirectory;
import org.rapport.lti.modules.CheckAnswers;
import org.rapport.lti.modules.ChecklistTicks;
import org.rapport.lti.modules.ModuleLibrary;
import org.rapport.lti.modules.ModulePlayer;
import org.rapport.lti.persistence.CreationLock;
import org.rapport.lti.persistence.InsertIfAbsent;
import org.rapport.lti.protocol.claims.Context;
import org.rapport.lti.protocol.claims.ResourceLink;
import org.rapport.lti.protocol.claims.RoleMapper;
import org.rapport.lti.protocol.launch.MessageType;
import org.rapport.lti.protocol.launch.ValidatedLaunch;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.settings.RapportSettings;

/**
 * Writes the demo data into the test platform's tenant, once, in one transaction, through the paths
 * real data takes: the synthetic answers as a results file through the import's checks, scoring and
 * writer; the demo student and classmates recorded as launches of the demo course would record
 * them; their module progress step by step through the module player; the demo student's class and
 * its open wave as an administrator sets them. The tenant's registration row is locked first (and,
 * on PostgreSQL, a creation lock taken), so two nodes seeding at once end with one copy; the
 * finished demo import marks the tenant as seeded.
 */
@ApplicationScoped
public class DemoSeeding {
  /** The file name of the demo import; its finished job marks the tenant as seeded. */
  static final String FILE = "rapport-demo-results.csv";

  static final String ACTOR = "development mode (demo data)";

  /** The demo course's classmates of the demo student: enough for every figure to be shown. */
  static final int CLASSMATES = 24;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject InsertIfAbsent inserts;
  @Inject CreationLock creationLock;
  @Inject RegistrationDirectory directory;
  @Inject Schedules schedules;
  @Inject Instruments instruments;
  @Inject ImportRunner imports;
  @Inject Cohorts cohorts;
  @Inject Waves waves;
  @Inject WaveEditing waveEditing;
  @Inject Students students;
  @Inject LaunchRecorder launches;
  @Inject ModuleLibrary library;
  @Inject ModulePlayer player;
  @Inject RapportSettings settings;
  @Inject DemoObservedPractice observedPractice;

  /** Whether the tenant holds the demo data (a cheap read, no lock). */
  @Transactional
  public boolean seeded(long registrationId) {
    return !em.createNativeQuery(
            "SELECT id FROM import_job WHERE registration_id = ? AND file_name = ?"
                + " AND state = 'COMPLETED'")
        .setParameter(1, registrationId)
        .setParameter(2, FILE)
        .getResultList()
        .isEmpty();
  }

  /**
   * Seeds the tenant unless it holds the demo data already.
   *
   * @return whether this call seeded it
   */
  @Transactional
  public boolean seed(long registrationId) {
    inserts.serializeTenant(registrationId);
    creationLock.lock("demo-data-" + registrationId);
    if (seeded(registrationId)) {
      return false;
    }
    LocalDate today = settings.today();
    ScheduleTemplate template = schedules.forTenant(registrationId).template();
    Instrument instrument =
        instruments.get(template.stage(TrainingStage.MATRICULATION).orElseThrow().instrument());
    DemoResults.Classes classes = DemoResults.Classes.on(template, today);
    try {
      imports.importNow(
          registrationId, FILE, DemoResults.csv(instrument, template, classes), ACTOR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    Registration registration = directory.find(registrationId).orElseThrow();
    DemoPerson demo = new DemoPerson("student", "demo");
    LaunchedUser student = recordLaunch(registration, demo);
    placeInClassWithOpenWave(registrationId, demo, classes, today);

    List<Module> modules = library.catalog().all().stream().limit(3).toList();
    // The demo student has finished two modules and is part-way through the third.
    for (int m = 0; m < modules.size(); m++) {
      work(student, modules.get(m), m < 2);
    }
    // Classmates, chosen so that every group the completion page could reveal (not started, in
    // progress, completed) is empty or at least 10 of the course's 25 students, so all is shown:
    // 15 finished the first module and 10 are in it; 15 finished the second and 10 did not start
    // it; 11, the demo student among them, are part-way through the third.
    List<String> subjects = new ArrayList<>(List.of(demo.subject()));
    for (int c = 1; c <= CLASSMATES; c++) {
      DemoPerson person = new DemoPerson("student", String.format("classmate-%02d", c));
      subjects.add(person.subject());
      LaunchedUser classmate = recordLaunch(registration, person);
      work(classmate, modules.get(0), c <= 14);
      if (modules.size() > 1 && c <= 14) {
        work(classmate, modules.get(1), true);
      }
      if (modules.size() > 2 && c <= 10) {
        work(classmate, modules.get(2), false);
      }
    }
    LaunchedUser instructor = recordLaunch(registration, new DemoPerson("instructor", "demo"));
    observedPractice.seed(
        registrationId, student.courseId(), instructor.learnerId(), subjects, today);
    return true;
  }

  /** Records the person's launch of the demo course as the launch endpoint would. */
  private LaunchedUser recordLaunch(Registration registration, DemoPerson person) {
    ValidatedLaunch launch =
        new ValidatedLaunch(
            registration,
            DevPlatform.DEPLOYMENT_ID,
            MessageType.RESOURCE_LINK,
            person.subject(),
            Set.copyOf(person.roleUris()),
            RoleMapper.map(person.roleUris()),
            Optional.of(
                new Context(
                    DemoPerson.DEFAULT_COURSE,
                    Optional.of(DevPlatform.COURSE_LABEL),
                    Optional.of(DevPlatform.COURSE_TITLE))),
            Optional.of(
                new ResourceLink(
                    DevPlatform.resourceLinkId(URI.create("/app")), Optional.of("Rapport"))),
            URI.create("/app"),
            Map.of(),
            Optional.of(person.name()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new JWTClaimsSet.Builder().subject(person.subject()).build());
    return launches.record(launch, "/app");
  }

  /**
   * Places the demo student in the steady class and opens that class's next wave from two days ago
   * for four weeks, as an administrator would; the student still gives consent themselves.
   */
  private void placeInClassWithOpenWave(
      long registrationId, DemoPerson demo, DemoResults.Classes classes, LocalDate today) {
    Cohort cohort = cohorts.find(registrationId, classes.steady()).orElseThrow();
    Student student = students.ensureForSubject(registrationId, demo.subject());
    students.placeIn(
        student,
        cohort,
        CohortSource.ADMIN,
        ACTOR,
        "The demo student belongs to the demo's younger class.");
    Wave open =
        waves
            .find(cohort.getId(), DemoResults.OPEN_STAGE)
            .orElseThrow(() -> new IllegalStateException("The demo class has no open wave."));
    waveEditing.change(
        open.getId(),
        new WaveRequestView(
            null, today.minusDays(2).toString(), today.plusDays(27).toString(), null, null));
  }

  /** Works through the module's steps as the learner would, all of them or all but the last. */
  private void work(LaunchedUser user, Module module, boolean finish) {
    List<Step> steps = module.steps();
    int upTo = finish ? steps.size() : Math.max(1, steps.size() / 2);
    for (Step step : steps.subList(0, upTo)) {
      player.open(user, module, step);
      if (step instanceof ReadingStep reading) {
        player.read(user, module, reading);
      } else if (step instanceof ScenarioStep scenario) {
        converse(user, module, scenario);
      } else if (step instanceof CheckStep check) {
        player.answer(user, module, check, correct(check));
      } else if (step instanceof PracticeStep practice) {
        player.practise(
            user,
            module,
            practice,
            "Demo answer: I would ask an open question first and let the patient finish.",
            new ChecklistTicks(practice.checklist().isEmpty() ? Set.of() : Set.of(0)));
      } else if (step instanceof ReflectionStep reflection) {
        player.reflect(
            user,
            module,
            reflection,
            "Demo reflection written by development mode, not by a person.");
      }
    }
  }

  /** The first reply at every node, to the end of the conversation. */
  private void converse(LaunchedUser user, Module module, ScenarioStep scenario) {
    ScenarioNode node = scenario.startNode();
    Set<String> visited = new HashSet<>();
    while (visited.add(node.id())) {
      player.reply(user, module, scenario, node.id(), "0");
      Choice choice = node.choices().get(0);
      if (choice.endsScenario()) {
        return;
      }
      node = scenario.node(choice.next()).orElseThrow();
    }
  }

  private static CheckAnswers correct(CheckStep check) {
    return new CheckAnswers(
        check.questions().stream()
            .map(q -> q.options().indexOf(q.correctOption()))
            .map(Integer::valueOf)
            .toList());
  }
}
