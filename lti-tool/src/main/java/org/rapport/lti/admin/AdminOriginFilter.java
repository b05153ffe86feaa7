package org.rapport.lti.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.FormToken;
import org.rapport.lti.web.Pages;

/**
 * After an administrator was authenticated by session cookie ({@link AdministratorAuthenticator}):
 * makes the session's CSRF token available to the page's forms, and refuses a state-changing
 * request that does not come from Rapport's own admin pages with a 403 that says why ({@link
 * AdminAccess#originRefusal}). Requests with an API token, or of no administrator, pass untouched.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminOriginFilter implements ContainerRequestFilter {
  @Inject RapportSettings settings;
  @Inject FormToken formToken;
  @Inject Pages pages;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getProperty(AdministratorAuthenticator.DECISION)
            instanceof AdminAccess.Admitted admitted)
        || admitted.csrfToken().isEmpty()) {
      return;
    }
    String csrfToken = admitted.csrfToken().get();
    formToken.set(csrfToken);
    Optional<SameOrigin.Refusal> refusal =
        AdminAccess.originRefusal(
            new AdminAccess.Request(
                request.getMethod(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                Optional.empty(),
                request.getHeaderString("Origin"),
                request.getHeaderString("Sec-Fetch-Site"),
                settings.publicUrl(request.getUriInfo().getBaseUri()),
                () -> CsrfToken.of(request)),
            csrfToken);
    refusal.ifPresent(r -> request.abortWith(forbidden(request, r)));
  }

  private Response forbidden(ContainerRequestContext request, SameOrigin.Refusal refusal) {
    if (AdministratorAuthenticator.isApi(request)) {
      return AdministratorAuthenticator.json(403, refusal.sentence());
    }
    return Response.status(403)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "error",
                "Request refused",
                new ErrorView(403, "Request refused", refusal.sentence())))
        .build();
  }
}
