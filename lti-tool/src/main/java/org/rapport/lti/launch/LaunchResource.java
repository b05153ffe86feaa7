package org.rapport.lti.launch;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.web.Pages;

/**
 * The LTI launch endpoint (redirect_uri, LTI Core 1.3 §5.1.2): receives the platform's form post
 * with {@code id_token} and {@code state}, runs the validation pipeline, records the launch and
 * opens Rapport's page with a session token. When the state cookie did not survive (third-party
 * cookies blocked) and the login used platform storage, it first answers a page that reads the
 * state back from the platform's frame ({@code lti.get_data}) and posts again with it.
 */
@PermitAll
@Path("lti/launch")
@Tag(name = "LTI")
public class LaunchResource {
  @Inject Launches launches;
  @Inject ToolSessions sessions;
  @Inject PlatformStorageLaunches storage;
  @Inject LaunchLog log;
  @Inject LaunchRejections rejections;
  @Inject Pages pages;
  @Inject LtiEndpoints endpoints;
  @Context HttpHeaders headers;
  @Context jakarta.ws.rs.core.UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "LTI 1.3 launch (id_token form post from the platform)")
  public Response launch(
      @FormParam("id_token") String idToken,
      @FormParam("state") String state,
      @FormParam("stored_state") String storedState) {
    Optional<String> cookieState = StateCookie.read(headers, state);
    String expected = cookieState.orElse(storedState);
    if (expected == null) {
      Optional<LaunchStorageView> storagePage = storage.storagePage(idToken, state);
      if (storagePage.isPresent()) {
        return platformStoragePage(storagePage.get());
      }
    }
    try {
      if (cookieState.isEmpty() && storedState != null) {
        storage.checkStoredStateLaunch(
            idToken,
            headers.getHeaderString("Origin"),
            PlatformOrigin.of(endpoints.at(uri.getBaseUri()).base()));
      }
      Launches.Accepted accepted =
          launches.accept(endpoints.at(uri.getBaseUri()), idToken, expected, state);
      String token = sessions.issue(accepted.session());
      URI page = URI.create(accepted.page() + "?" + ToolSessions.PARAMETER + "=" + token);
      Response.ResponseBuilder answer =
          Response.seeOther(page).header("Referrer-Policy", "no-referrer");
      if (state != null) {
        answer.header("Set-Cookie", StateCookie.expire(state));
      }
      return answer.build();
    } catch (LaunchRejected rejected) {
      return rejections.page(rejected, log.rejected(rejected, storage.registrationOf(rejected)));
    }
  }

  private Response platformStoragePage(LaunchStorageView view) {
    // same-origin, not no-referrer: with no-referrer a browser posts the form below with
    // "Origin: null", and the stored_state launch must show Rapport's own origin to be accepted.
    // The page's address (/lti/launch) carries nothing, and nothing goes to another site.
    return Response.ok(pages.render("lti-launch-storage", "Signing you in", view))
        .type(MediaType.TEXT_HTML_TYPE)
        .header("Referrer-Policy", "same-origin")
        .build();
  }
}
