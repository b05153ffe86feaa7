package org.rapport.lti.observed;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The rating form behind a one-time link, for standardized and real patients who have no LMS
 * account: it opens on a phone without signing in, takes one rating, and then refuses the link.
 */
@Path("rate")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RatingLinkResource {
  @Inject RatingSubmission ratings;
  @Inject RatingPages pages;

  @GET
  @Path("{token}")
  @Operation(hidden = true)
  public Response form(@PathParam("token") String token) {
    return pages.guarded(() -> pages.form(200, ratings.linkForm(token)));
  }

  @POST
  @Path("{token}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response rate(@PathParam("token") String token, MultivaluedMap<String, String> form) {
    return pages.guarded(
        () -> {
          long encounter = RatingPages.encounter(form.getFirst("encounter"));
          return pages.outcome(
              ratings.rateByLink(token, encounter, form, form.getFirst("comment")));
        });
  }
}
