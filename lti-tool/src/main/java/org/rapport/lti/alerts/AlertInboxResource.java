package org.rapport.lti.alerts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/**
 * The faculty's alert inbox for their institution (tenant): every alert with its figures, the rule
 * in plain words, and forms to acknowledge and resolve. Faculty only; students get 403.
 */
@Path("app/faculty/alerts")
@RolesAllowed(Roles.FACULTY)
public class AlertInboxResource {
  static final String NOTE_NEEDED =
      "Please write a short note on what was done or decided before resolving the alert.";

  @Inject Pages pages;
  @Inject AlertInbox inbox;
  @Inject AlertEvaluation evaluation;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String inbox(@QueryParam("done") String done) {
    LaunchedUser user = CurrentUser.of(request);
    evaluation.seen(uri.getBaseUri());
    return pages.render(
        "faculty-alerts",
        "Alerts",
        FacultyAlertsPage.of(
            inbox.inbox(user), evaluation.vocabulary(), CurrentUser.token(request), done));
  }

  @GET
  @Path("rule")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The institution's alert rule, read only, for faculty")
  public Map<String, Object> rule() {
    AlertInbox.Rule rule = inbox.rule(CurrentUser.of(request));
    return Map.of("rule", rule.rule(), "summary", rule.summary());
  }

  @POST
  @Path("{id: [0-9]+}/acknowledge")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response acknowledge(@PathParam("id") long id, @FormParam("back") String back) {
    LaunchedUser user = CurrentUser.of(request);
    return back(inbox.acknowledge(user, id), back, "acknowledged");
  }

  @POST
  @Path("{id: [0-9]+}/resolve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response resolve(
      @PathParam("id") long id, @FormParam("note") String note, @FormParam("back") String back) {
    LaunchedUser user = CurrentUser.of(request);
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw new BadRequestException(NOTE_NEEDED);
    }
    if (text.length() > 2000) {
      throw new BadRequestException("Please keep the note under 2,000 characters.");
    }
    return back(inbox.resolve(user, id, text), back, "resolved");
  }

  private Response back(StoredAlert alert, String back, String done) {
    String s = URLEncoder.encode(CurrentUser.token(request), StandardCharsets.UTF_8);
    String target =
        "cohort".equals(back)
            ? "/app/faculty/cohorts?s="
                + s
                + "&cohort="
                + alert.cohortId()
                + "&instrument="
                + URLEncoder.encode(alert.instrumentId(), StandardCharsets.UTF_8)
                + "&done="
                + done
                + "#alert-"
                + alert.id()
            : "observed".equals(back)
                ? "/app/faculty/observed/cohorts?s="
                    + s
                    + "&cohort="
                    + alert.cohortId()
                    + "&done="
                    + done
                    + "#alert-"
                    + alert.id()
                : "/app/faculty/alerts?s=" + s + "&done=" + done + "#alert-" + alert.id();
    return Response.seeOther(URI.create(target)).build();
  }
}
