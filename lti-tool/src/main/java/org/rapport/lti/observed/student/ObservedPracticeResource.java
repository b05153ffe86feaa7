package org.rapport.lti.observed.student;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.RefusalMessage;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.Pages;

/**
 * The student's observed practice ({@code /app/observed}) and asking a classmate to rate a practice
 * step ({@code /app/observed/peer-request}). Students only, their own data only.
 */
@Path("app/observed")
@RolesAllowed(Roles.STUDENT)
@RefusalMessage(ObservedPracticeResource.FOR_STUDENTS)
@Produces(MediaType.TEXT_HTML)
public class ObservedPracticeResource {
  static final String FOR_STUDENTS =
      "This page shows a student their own observed ratings. Faculty see their course's"
          + " encounters under Observed practice.";

  @Inject Pages pages;
  @Inject StudentObservedPractice observed;
  @Inject PeerRequests requests;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response page() {
    LaunchedUser user = CurrentUser.of(request);
    return html(
        200,
        pages.render(
            "observed", "Observed practice", observed.page(user, CurrentUser.token(request))));
  }

  @GET
  @Path("peer-request")
  @Operation(hidden = true)
  public Response peerRequestForm(
      @QueryParam("module") String module,
      @QueryParam("step") String step,
      @QueryParam("sent") String sent) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    return guarded(() -> html(200, form(requests.form(user, module, step, sent != null, token))));
  }

  @POST
  @Path("peer-request")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response askClassmate(MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    String module = form.getFirst("module");
    String step = form.getFirst("step");
    return guarded(
        () -> {
          PeerRequests.Outcome outcome =
              requests.ask(user, module, step, form.getFirst("classmate"), token);
          if (!outcome.sent()) {
            return html(400, form(outcome.page()));
          }
          return Response.seeOther(
                  URI.create(
                      "/app/observed/peer-request?module="
                          + enc(module)
                          + "&step="
                          + enc(step)
                          + "&sent=1&s="
                          + enc(token)))
              .build();
        });
  }

  private String form(PeerRequestPage page) {
    return pages.render("observed-peer-request", "Ask a classmate to rate your practice", page);
  }

  private Response guarded(Supplier<Response> page) {
    try {
      return page.get();
    } catch (PeerRequestRefused e) {
      return html(
          e.status(),
          pages.render("error", e.title(), new ErrorView(e.status(), e.title(), e.getMessage())));
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value == null ? "" : value.trim(), StandardCharsets.UTF_8);
  }

  private static Response html(int status, String body) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(body)
        .build();
  }
}
