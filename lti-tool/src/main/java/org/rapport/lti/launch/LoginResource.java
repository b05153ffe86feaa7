package org.rapport.lti.launch;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.protocol.oidc.AuthenticationRedirect;
import org.rapport.lti.web.Pages;

/**
 * OIDC login initiation (LTI Core 1.3 §5.1.1, Security Framework 1.0 §5.1.1.1), by GET or POST.
 * Binds state to the browser with a cookie and, when the platform names an {@code
 * lti_storage_target}, also through platform storage, then sends the browser to the platform's
 * authorization endpoint.
 */
@PermitAll
@Path("lti/login")
@Tag(name = "LTI")
public class LoginResource {
  @Inject StartLogin login;
  @Inject Pages pages;
  @Inject LaunchRejections rejections;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "OIDC third-party login initiation (GET)")
  public Response loginGet() {
    return login(uri.getQueryParameters());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "OIDC third-party login initiation (POST)")
  public Response loginPost(MultivaluedMap<String, String> form) {
    return login(form);
  }

  private Response login(MultivaluedMap<String, String> params) {
    Map<String, String> single = new HashMap<>();
    params.forEach((k, v) -> single.put(k, v.isEmpty() ? null : v.get(0)));
    StartLogin.Outcome outcome = login.start(single, uri.getBaseUri());
    if (outcome instanceof StartLogin.Refused refused) {
      return rejections.page(refused.rejection(), refused.reference());
    }
    AuthenticationRedirect redirect = ((StartLogin.Started) outcome).redirect();
    if (redirect.storageTarget() == null) {
      return Response.seeOther(redirect.redirectTo())
          .header("Set-Cookie", StateCookie.create(redirect.state()))
          .header("Referrer-Policy", "no-referrer")
          .build();
    }
    LoginStorageView view =
        new LoginStorageView(
            redirect.redirectTo().toString(),
            redirect.state(),
            redirect.nonce(),
            redirect.storageTarget(),
            PlatformOrigin.of(redirect.registration().authEndpoint()));
    return Response.ok(pages.render("lti-login-storage", "Signing you in", view))
        .type(MediaType.TEXT_HTML_TYPE)
        .header("Set-Cookie", StateCookie.create(redirect.state()))
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
