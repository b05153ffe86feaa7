package org.rapport.lti.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.Pages;

/** Refuses a {@link SameOriginForm} post that does not come from Rapport's own origin. */
@Provider
@SameOriginForm
@Priority(Priorities.AUTHENTICATION)
public class SameOriginFormFilter implements ContainerRequestFilter {
  @Inject RapportSettings settings;
  @Inject Pages pages;

  @Override
  public void filter(ContainerRequestContext request) {
    SameOrigin.check(
            request.getHeaderString("Origin"),
            request.getHeaderString("Sec-Fetch-Site"),
            settings.publicUrl(request.getUriInfo().getBaseUri()))
        .ifPresent(
            refusal ->
                request.abortWith(
                    Response.status(403)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity(
                            pages.render(
                                "error",
                                "Request refused",
                                new ErrorView(403, "Request refused", refusal.sentence())))
                        .build()));
  }
}
