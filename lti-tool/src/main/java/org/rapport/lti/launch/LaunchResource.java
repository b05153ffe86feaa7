package org.rapport.lti.launch;

import com.nimbusds.jwt.JWTParser;
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
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.registration.Registration;
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
  static final int MAX_TOKEN_CHARS = 64 * 1024;

  @Inject Launches launches;
  @Inject ToolSessions sessions;
  @Inject NonceRepository nonces;
  @Inject LaunchLog log;
  @Inject LaunchRejections rejections;
  @Inject RegistrationDirectory directory;
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
    if (expected == null
        && state != null
        && idToken != null
        && idToken.length() <= MAX_TOKEN_CHARS) {
      Optional<IssuedNonce> issued = nonces.awaitingLaunch(unverifiedNonce(idToken));
      if (issued.isPresent() && issued.get().getStorageTarget() != null) {
        return platformStoragePage(idToken, state, issued.get());
      }
    }
    try {
      if (cookieState.isEmpty() && storedState != null) {
        checkStoredStateLaunch(idToken);
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
      Long registrationId =
          rejected.issuer().isPresent() && rejected.clientId().isPresent()
              ? directory
                  .find(rejected.issuer().get(), rejected.clientId().get())
                  .map(r -> r.id().value())
                  .orElse(null)
              : null;
      return rejections.page(rejected, log.rejected(rejected, registrationId));
    }
  }

  /**
   * A launch whose state comes from platform storage instead of a cookie has nothing tying it to
   * the browser except the page that posts it. Without this check anyone could sign a victim in as
   * themselves (login CSRF): log in at the LMS, keep their own id_token and state, and have the
   * victim's browser post them with {@code stored_state}. So such a launch is accepted only for a
   * nonce whose login asked for platform storage, and only when posted from the platform's origin
   * or from Rapport's own storage page (which re-posts after reading the platform's frame).
   */
  private void checkStoredStateLaunch(String idToken) {
    Optional<IssuedNonce> issued =
        idToken == null || idToken.length() > MAX_TOKEN_CHARS
            ? Optional.empty()
            : nonces.find(unverifiedNonce(idToken));
    Optional<Registration> registration =
        issued.flatMap(n -> directory.find(n.getRegistrationId()));
    String issuer = registration.map(Registration::issuer).orElse(null);
    String clientId = registration.map(Registration::clientId).orElse(null);
    if (issued.isEmpty() || issued.get().getStorageTarget() == null) {
      throw new LaunchRejected(
          LaunchFailure.STORED_STATE_NOT_REQUESTED,
          "stored_state was posted, but the login of this id_token did not use platform storage",
          issuer,
          clientId);
    }
    String origin = headers.getHeaderString("Origin");
    String own = PlatformOrigin.of(endpoints.at(uri.getBaseUri()).base());
    String platform = registration.map(r -> PlatformOrigin.of(r.authEndpoint())).orElse(null);
    if (origin == null || !(origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(platform))) {
      throw new LaunchRejected(
          LaunchFailure.STORED_STATE_FOREIGN_ORIGIN,
          "Origin " + LaunchRejected.quote(origin),
          issuer,
          clientId);
    }
  }

  private Response platformStoragePage(String idToken, String state, IssuedNonce issued) {
    String origin =
        directory
            .find(issued.getRegistrationId())
            .map(r -> PlatformOrigin.of(r.authEndpoint()))
            .orElse("");
    LaunchStorageView view =
        new LaunchStorageView(idToken, state, issued.getStorageTarget(), origin);
    // same-origin, not no-referrer: with no-referrer a browser posts the form below with
    // "Origin: null", and the stored_state launch must show Rapport's own origin to be accepted.
    // The page's address (/lti/launch) carries nothing, and nothing goes to another site.
    return Response.ok(pages.render("lti-launch-storage", "Signing you in", view))
        .type(MediaType.TEXT_HTML_TYPE)
        .header("Referrer-Policy", "same-origin")
        .build();
  }

  /** Only used to find the platform-storage frame; the token is fully validated afterwards. */
  private static String unverifiedNonce(String idToken) {
    try {
      return JWTParser.parse(idToken).getJWTClaimsSet().getStringClaim("nonce");
    } catch (java.text.ParseException | RuntimeException e) {
      return null;
    }
  }
}
