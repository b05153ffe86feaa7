package org.rapport.lti.observed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/**
 * Observed practice for the faculty of a course: the course's encounter sessions, planning one (an
 * OSCE day from a CSV plan, or one encounter), a session's encounters and ratings, the printable
 * sheet of its one-time links, and the actions on it (replace links, mail links, release). Only the
 * launched user's own course in their own tenant; students get 403.
 */
@Path("app/faculty/observed")
@RolesAllowed(Roles.FACULTY)
@Produces(MediaType.TEXT_HTML)
public class ObservedPlanResource {
  /** The most bytes read of one form field of the plan upload (the file has its own limit). */
  private static final int FIELD_BYTES = 4096;

  @Inject SessionPlanning planning;
  @Inject Pages pages;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public Response list(@QueryParam("done") String done) {
    String token = CurrentUser.token(request);
    String notice = "created".equals(done) ? "The session was planned." : null;
    return html(
        200,
        pages.render(
            "observed-sessions",
            "Observed practice",
            planning.list(CurrentUser.of(request), token, notice)));
  }

  @GET
  @Path("new")
  @Operation(hidden = true)
  public Response form() {
    return html(
        200,
        pages.render(
            "observed-new",
            "Plan observed practice",
            planning.form(CurrentUser.of(request), CurrentUser.token(request))));
  }

  /** One encounter, chosen on the page. */
  @POST
  @Path("new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response createOne(MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    SessionPlanning.OneEncounter one =
        new SessionPlanning.OneEncounter(
            new SessionPlanning.Details(
                form.getFirst("title"),
                form.getFirst("setting"),
                form.getFirst("held_on"),
                form.getFirst("stage")),
            form.getFirst("student"),
            form.getFirst("station"),
            form.getFirst("module"),
            Optional.ofNullable(form.get("faculty")).orElse(List.of()),
            "on".equals(form.getFirst("patient")),
            form.getFirst("patient_name"),
            form.getFirst("patient_email"));
    return outcome(planning.createOne(user, token, one), token);
  }

  /** An OSCE day from a CSV plan (a file, or text pasted into the page). */
  @POST
  @Path("plan")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response createFromPlan(List<EntityPart> parts) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    String file = part(parts, "plan", SessionPlanning.PLAN_TEXT_LIMIT + 1);
    String pasted = part(parts, "plan_text", SessionPlanning.PLAN_TEXT_LIMIT + 1);
    SessionPlanning.Plan plan =
        new SessionPlanning.Plan(
            new SessionPlanning.Details(
                part(parts, "title", FIELD_BYTES),
                part(parts, "setting", FIELD_BYTES),
                part(parts, "held_on", FIELD_BYTES),
                part(parts, "stage", FIELD_BYTES)),
            file == null || file.isBlank() ? pasted : file);
    return outcome(planning.createFromPlan(user, token, plan), token);
  }

  @GET
  @Path("{id: [0-9]{1,18}}")
  @Operation(hidden = true)
  public Response session(@PathParam("id") long id, @QueryParam("done") String done) {
    LaunchedUser user = CurrentUser.of(request);
    SessionPage page =
        planning.session(user, CurrentUser.token(request), id, notice(done, request));
    return html(200, pages.render("observed-session", page.title(), page));
  }

  @GET
  @Path("{id: [0-9]{1,18}}/sheet")
  @Operation(hidden = true)
  public Response sheet(@PathParam("id") long id) {
    LinkSheetPage page =
        planning.sheet(CurrentUser.of(request), CurrentUser.token(request), id, uri.getBaseUri());
    return html(200, pages.render("observed-sheet", "Rating links: " + page.title(), page));
  }

  /** Replaces the links of raters who have not rated (after confirmation). */
  @POST
  @Path("{id: [0-9]{1,18}}/links")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response replaceLinks(@PathParam("id") long id, MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    Long rater = rater(form.getFirst("rater"));
    if (!"yes".equals(form.getFirst("confirm"))) {
      return confirm(planning.confirm(user, token, id, "links", rater));
    }
    int replaced = planning.replaceLinks(user, id, rater);
    return back(id, token, "links&n=" + replaced);
  }

  /** Queues the link mail of every rater with an address (once per link). */
  @POST
  @Path("{id: [0-9]{1,18}}/mail")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response mail(@PathParam("id") long id) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    SessionPlanning.Mailed mailed = planning.mailLinks(user, id, uri.getBaseUri());
    return back(
        id,
        token,
        "mail&n="
            + mailed.queued()
            + "&again="
            + mailed.alreadyQueued()
            + "&none="
            + mailed.withoutAddress());
  }

  /** Releases the session's ratings to its students (after confirmation). */
  @POST
  @Path("{id: [0-9]{1,18}}/release")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response release(@PathParam("id") long id, MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    if (!"yes".equals(form.getFirst("confirm"))) {
      return confirm(planning.confirm(user, token, id, "release", null));
    }
    planning.release(user, id);
    return back(id, token, "released");
  }

  private Response outcome(SessionPlanning.Outcome outcome, String token) {
    if (outcome instanceof SessionPlanning.Created created) {
      return back(created.sessionId(), token, "created");
    }
    return html(
        400,
        pages.render(
            "observed-new", "Plan observed practice", ((SessionPlanning.Again) outcome).page()));
  }

  private Response confirm(ConfirmActionPage page) {
    return html(200, pages.render("observed-confirm", page.heading(), page));
  }

  private static Response back(long id, String token, String done) {
    return Response.seeOther(
            URI.create("/app/faculty/observed/" + id + "?s=" + token + "&done=" + done))
        .build();
  }

  /** The sentence for what was just done, from the redirect's query. */
  private static String notice(String done, ContainerRequestContext request) {
    if (done == null) {
      return null;
    }
    MultivaluedMap<String, String> q = request.getUriInfo().getQueryParameters();
    int n = count(q.getFirst("n"));
    return switch (done) {
      case "created" ->
          "The session was planned. Print the link sheet or mail the links to the standardized"
              + " patients; faculty and peers find their ratings under Ratings to give.";
      case "released" -> "The ratings are released: the students can now see them.";
      case "links" ->
          n == 1
              ? "1 link was replaced; the old one no longer works."
              : n + " links were replaced; the old ones no longer work.";
      case "mail" -> {
        int again = count(q.getFirst("again"));
        int none = count(q.getFirst("none"));
        yield (n == 1 ? "1 mail was queued." : n + " mails were queued.")
            + (again > 0
                ? " "
                    + again
                    + (again == 1 ? " rater had" : " raters had")
                    + " this link mailed already."
                : "")
            + (none > 0
                ? " "
                    + none
                    + (none == 1 ? " rater has" : " raters have")
                    + " no e-mail address: use the printed sheet for them."
                : "");
      }
      default -> null;
    };
  }

  private static int count(String value) {
    return value != null && value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : 0;
  }

  private static Long rater(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.strip().matches("[1-9][0-9]{0,17}")) {
      throw new BadRequestException("The rater to replace the link of is not a number.");
    }
    return Long.parseLong(value.strip());
  }

  /** The text of a form part, at most {@code limit} bytes; null when the form has no such part. */
  private static String part(List<EntityPart> parts, String name, int limit) {
    for (EntityPart part : parts) {
      if (name.equals(part.getName())) {
        try (InputStream in = part.getContent()) {
          return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }

  private static Response html(int status, String body) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(body)
        .build();
  }
}
