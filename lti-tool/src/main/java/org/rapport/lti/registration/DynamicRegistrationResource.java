package org.rapport.lti.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.Pages;

/**
 * LTI Dynamic Registration 1.0 (§3): the platform opens this URL with {@code openid_configuration}
 * and {@code registration_token}; Rapport reads the platform's configuration, registers itself at
 * the platform's registration endpoint, stores the registration with its deployment, and tells the
 * platform's window it is done ({@code org.imsglobal.lti.close}). The URL carries a single-use
 * {@link RegistrationInvite}; the registration starts disabled unless the invite says otherwise.
 */
@PermitAll
@Path("lti/register")
@Tag(name = "LTI")
public class DynamicRegistrationResource {
  @Inject RegisterFromLms registration;
  @Inject RapportSettings settings;
  @Inject Pages pages;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "LTI Dynamic Registration initiation (opened by the LMS)")
  public Response register(
      @QueryParam("invite") String inviteValue,
      @QueryParam("openid_configuration") String openidConfiguration,
      @QueryParam("registration_token") String registrationToken) {
    RegisterFromLms.Result result =
        registration.register(
            inviteValue,
            absolute(openidConfiguration),
            registrationToken,
            settings.publicUrl(uri.getBaseUri()));
    if (result instanceof RegisterFromLms.Registered registered) {
      return Response.ok(
              pages.render(
                  "lti-registered",
                  "Rapport is registered",
                  new RegisteredView(
                      registered.issuer(), registered.clientId(), registered.enabled())))
          .build();
    }
    RegisterFromLms.Refused refused = (RegisterFromLms.Refused) result;
    return Response.status(refused.status())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "error",
                "Registration failed",
                new ErrorView(refused.status(), "Registration failed", refused.message())))
        .build();
  }

  private static Optional<URI> absolute(String value) {
    try {
      URI parsed = new URI(value == null ? "" : value);
      return parsed.getScheme() == null || parsed.getHost() == null
          ? Optional.empty()
          : Optional.of(parsed);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
