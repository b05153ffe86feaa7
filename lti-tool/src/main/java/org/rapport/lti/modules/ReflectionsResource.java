package org.rapport.lti.modules;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;

/**
 * A student's own reflections as one Markdown file to keep: the only way reflections leave Rapport,
 * and only to the student who wrote them. Each export is written to the audit log.
 */
@Path("app/reflections")
@Launched
public class ReflectionsResource {
  private static final Logger AUDIT = Logger.getLogger("org.rapport.lti.audit");

  @Inject ProgressRepository progress;
  @Inject ModuleLibrary library;
  @Context ContainerRequestContext request;

  @GET
  @Path("export")
  @Operation(hidden = true)
  public Response export() {
    LaunchedUser user = CurrentUser.of(request);
    List<ReflectionEntry> entries = progress.reflections(user.registrationId(), user.learnerId());
    String text = ReflectionExport.markdown(entries, library.catalog(), now());
    AUDIT.info(
        () ->
            "Learner "
                + user.learnerId()
                + " of registration "
                + user.registrationId()
                + " exported their own "
                + entries.size()
                + " reflection(s).");
    return Response.ok(text)
        .type("text/markdown; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"rapport-reflections.md\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
