package org.rapport.lti.deeplinking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.DeepLinkRequests;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.RefusalMessage;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.FrameAncestors;
import org.rapport.lti.web.Pages;
import org.rapport.lti.web.SecurityHeaders;

/**
 * The content-selection page of a deep-linking launch (Deep Linking 2.0 §4.4–§4.5). The request's
 * settings stay on the server ({@link DeepLinkRequests}); the page carries only their random id and
 * the session token. Checkboxes when the LMS accepts several items, radio buttons otherwise; a
 * search box filters as one types and, without JavaScript, through the {@code q} parameter. The
 * answer is a page that posts the signed response as form field {@code JWT} to the LMS's {@code
 * deep_link_return_url}.
 */
@Path("app/content-selection")
@RolesAllowed(Roles.FACULTY)
@RefusalMessage(ContentSelectionResource.STUDENTS_REFUSED)
@Produces(MediaType.TEXT_HTML)
public class ContentSelectionResource {
  static final String STUDENTS_REFUSED =
      "Only instructors can add Rapport activities to a course. You opened Rapport from the LMS's"
          + " tool for adding content, which is for course staff; open a Rapport activity from your"
          + " course page instead.";
  static final String NOT_OPEN =
      "This content selection has ended: it was already answered, it is more than an hour old, or"
          + " it belongs to someone else. Start again from the LMS's \"add content\" tool.";

  @Inject Pages pages;
  @Inject SelectContent selection;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public Response withoutRequest() {
    return error(400, "No content selection", NOT_OPEN);
  }

  @GET
  @Path("{id: [A-Za-z0-9_-]+}")
  @Operation(hidden = true)
  public Response page(@PathParam("id") String id, @QueryParam("q") String query) {
    LaunchedUser user = CurrentUser.of(request);
    return selection
        .page(id, user, query, CurrentUser.token(request))
        .map(page -> Response.ok(selectionPage(page)).build())
        .orElseGet(() -> error(410, "Content selection ended", NOT_OPEN));
  }

  @POST
  @Path("{id: [A-Za-z0-9_-]+}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response answer(
      @PathParam("id") String id,
      @FormParam("item") List<String> selected,
      @FormParam("action") String action,
      @FormParam("q") String query) {
    LaunchedUser user = CurrentUser.of(request);
    SelectContent.Answer answer =
        selection.answer(
            id,
            user,
            new LinkedHashSet<>(selected == null ? List.of() : selected),
            "cancel".equals(action),
            query,
            CurrentUser.token(request),
            uri.getBaseUri());
    if (answer instanceof SelectContent.Refused refused) {
      return Response.status(400)
          .entity(selectionPage(refused.page()))
          .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
          .build();
    }
    if (answer instanceof SelectContent.AlreadyAnswered) {
      return error(409, "Already answered", NOT_OPEN);
    }
    if (!(answer instanceof SelectContent.Answered answered)) {
      return error(410, "Content selection ended", NOT_OPEN);
    }
    DeepLinkReturnView view = answered.page();
    // The page's form posts to the platform: allow exactly that origin in form-action.
    FrameAncestors.origin(view.returnUrl())
        .ifPresent(o -> request.setProperty(SecurityHeaders.FORM_TARGET, o));
    return Response.ok(pages.render("deep-link-return", "Returning to your LMS", view))
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private String selectionPage(ContentSelectionView view) {
    return pages.render("content-selection", "Add Rapport activities", view);
  }

  private Response error(int status, String title, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(pages.render("error", title, new ErrorView(status, title, message)))
        .build();
  }
}
