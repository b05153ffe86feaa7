package org.rapport.lti.modules;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.web.Pages;

/**
 * Module completion for the faculty of a course: counts of the course's students who started and
 * completed each module, with small groups hidden. Never an individual student, never a reflection
 * or an answer; only the launched user's own tenant and course.
 */
@Path("app/faculty/modules")
@Launched
@Produces(MediaType.TEXT_HTML)
public class FacultyModulesResource {
  @Inject ModuleLibrary library;
  @Inject ProgressRepository progress;
  @Inject MinimumGroupSize groupSize;
  @Inject Pages pages;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String completion() {
    LaunchedUser user = CurrentUser.faculty(request);
    String token = CurrentUser.token(request);
    int n = groupSize.rule().minimumGroupSize();
    Map<String, Object> values = new HashMap<>();
    values.put("s", token);
    values.put("course", user.courseTitle());
    values.put("n", n);
    values.put(
        "nav",
        Map.of(
            "items",
            List.of(
                Map.of("href", "/app?s=" + token, "label", "Home", "current", false),
                Map.of(
                    "href",
                    "/app/faculty/modules?s=" + token,
                    "label",
                    "Module completion",
                    "current",
                    true))));
    if (user.courseId() == null) {
      values.put("noCourse", true);
      return pages.render("module-faculty", "Module completion", values);
    }
    ModuleCatalog catalog = library.catalog();
    List<String> ids = catalog.all().stream().map(m -> m.id().value()).toList();
    CompletionTable.Table table =
        CompletionTable.build(
            progress.courseStudents(user.registrationId(), user.courseId()),
            ids,
            progress.courseCounts(user.registrationId(), user.courseId()),
            groupSize.rule());
    values.put("courseHidden", table.courseHidden());
    values.put("students", table.studentsOrNull());
    values.put("noStudents", table.studentsOrNull() != null && table.studentsOrNull() == 0);
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean anyHidden = false;
    for (CompletionTable.Row row : table.rows()) {
      Module module = catalog.find(ModuleId.of(row.moduleId())).orElseThrow();
      Map<String, Object> item = new HashMap<>();
      item.put("id", row.moduleId());
      item.put("title", module.title());
      item.put("family", module.family().label());
      item.put("started", figure(row.startedOrNull()));
      item.put("completed", figure(row.completedOrNull()));
      item.put("rate", row.completionPercent() == null ? "Hidden" : row.completionPercent() + "%");
      item.put("startedHidden", row.startedOrNull() == null);
      item.put("completedHidden", row.completedOrNull() == null);
      anyHidden |= row.anyHidden();
      rows.add(item);
    }
    values.put("rows", rows);
    values.put("hasRows", !rows.isEmpty());
    values.put("anyHidden", anyHidden);
    return pages.render("module-faculty", "Module completion", values);
  }

  private static String figure(Integer value) {
    return value == null ? "Hidden" : String.valueOf(value);
  }
}
