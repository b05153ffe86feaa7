package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.launch.LaunchedUser;

/**
 * Module completion in a faculty member's course: how many of the course's students started and
 * completed each module, figures of groups smaller than the minimum hidden, and the links to the
 * facilitator guides. Never an individual student.
 */
@ApplicationScoped
public class CourseCompletion {
  @Inject ModuleLibrary library;
  @Inject ProgressRepository progress;
  @Inject MinimumGroupSize groupSize;

  /** The completion page of {@code user}'s course; {@code token} is their session token. */
  @Transactional
  public FacultyCompletionPage page(LaunchedUser user, String token) {
    int n = groupSize.rule().minimumGroupSize();
    ModuleCatalog catalog = library.catalog();
    List<FacultyCompletionPage.Guide> guides = new ArrayList<>();
    for (Module module : catalog.all()) {
      if (module.facilitatorGuide().isPresent()) {
        guides.add(
            new FacultyCompletionPage.Guide(
                module.title(),
                "/app/faculty/modules/" + module.id() + "/guide?s=" + token,
                stages(module)));
      }
    }
    if (user.courseId() == null) {
      return new FacultyCompletionPage(
          token,
          FacultyCompletionPage.nav(token),
          user.courseTitle(),
          n,
          guides,
          true,
          false,
          null,
          List.of(),
          false);
    }
    List<String> ids = catalog.all().stream().map(m -> m.id().value()).toList();
    CompletionTable.Table table =
        CompletionTable.build(
            progress.courseStudents(user.registrationId(), user.courseId()),
            ids,
            progress.courseCounts(user.registrationId(), user.courseId()),
            groupSize.rule());
    List<FacultyCompletionPage.Row> rows = new ArrayList<>();
    boolean anyHidden = false;
    for (CompletionTable.Row row : table.rows()) {
      Module module = catalog.find(ModuleId.of(row.moduleId())).orElseThrow();
      rows.add(
          new FacultyCompletionPage.Row(
              row.moduleId(),
              module.title(),
              module.family().label(),
              figure(row.startedOrNull()),
              figure(row.completedOrNull()),
              row.completionPercent() == null ? "Hidden" : row.completionPercent() + "%"));
      anyHidden |= row.anyHidden();
    }
    return new FacultyCompletionPage(
        token,
        FacultyCompletionPage.nav(token),
        user.courseTitle(),
        n,
        guides,
        false,
        table.courseHidden(),
        table.studentsOrNull(),
        rows,
        anyHidden);
  }

  /** The training stages a module suits, for people. */
  static String stages(Module module) {
    return module.stages().stream().map(TrainingPhase::label).collect(Collectors.joining(", "));
  }

  private static String figure(Integer value) {
    return value == null ? "Hidden" : String.valueOf(value);
  }
}
