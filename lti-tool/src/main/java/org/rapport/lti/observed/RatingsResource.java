package org.rapport.lti.observed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;

/** Ratings asked of launched users (faculty, peers): the list, and each rating's form. */
@Path("app/ratings")
@RolesAllowed(Roles.LAUNCHED_USER)
@Produces(MediaType.TEXT_HTML)
public class RatingsResource {
  @Inject RatingSubmission ratings;
  @Inject RatingPages pages;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response list() {
    LaunchedUser user = CurrentUser.of(request);
    return pages.toGive(ratings.toGive(user, CurrentUser.token(request)));
  }

  @GET
  @Path("{rater}")
  @Operation(hidden = true)
  public Response form(@PathParam("rater") String rater) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    return pages.guarded(
        () -> pages.form(200, ratings.launchedForm(user, RatingPages.rater(rater), token)));
  }

  @POST
  @Path("{rater}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response rate(@PathParam("rater") String rater, MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    return pages.guarded(
        () ->
            pages.outcome(
                ratings.rateLaunched(
                    user, RatingPages.rater(rater), form, form.getFirst("comment"), token)));
  }
}
