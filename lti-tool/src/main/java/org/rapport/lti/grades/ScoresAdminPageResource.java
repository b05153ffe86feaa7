package org.rapport.lti.grades;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/** The administrators' page of grades sent to the LMS, with resend buttons for dead letters. */
@Path("admin/scores")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class ScoresAdminPageResource {
  static final int SHOWN = 20;

  @Inject Pages pages;
  @Inject ScoreReports reports;
  @Inject ScoreOutbox outbox;

  @GET
  @Operation(hidden = true)
  public String page() {
    List<ScoresAdminView.Section> registrations =
        reports.summary().stream()
            .map(c -> reports.report(c.registrationId(), SHOWN).orElse(null))
            .filter(r -> r != null)
            .map(ScoresAdminView.Section::of)
            .toList();
    return pages.render(
        "admin-scores", "Grades sent to the LMS", new ScoresAdminView(registrations));
  }

  @POST
  @Path("{id: [0-9]+}/resend")
  @Operation(hidden = true)
  public Response resend(@PathParam("id") long id) {
    outbox.resend(id);
    return Response.seeOther(URI.create("/admin/scores")).build();
  }

  @POST
  @Path("registrations/{id: [0-9]+}/resend")
  @Operation(hidden = true)
  public Response resendAll(@PathParam("id") long id) {
    outbox.resendAll(id);
    return Response.seeOther(URI.create("/admin/scores")).build();
  }
}
