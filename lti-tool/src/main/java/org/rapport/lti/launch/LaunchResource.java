package org.rapport.lti.launch;

import com.nimbusds.jwt.JWTParser;
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
import java.util.HashMap;
import java.util.Map;
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
      Optional<IssuedNonce> issued = nonces.find(unverifiedNonce(idToken));
      if (issued.isPresent()
          && issued.get().awaitsLaunch()
          && issued.get().getStorageTarget() != null) {
        return platformStoragePage(idToken, state, issued.get());
      }
    }
    try {
      Launches.Accepted accepted =
          launches.accept(endpoints.at(uri.getBaseUri()), idToken, expected, state);
      String token = sessions.issue(accepted.user());
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
      log.rejected(rejected, registrationId);
      return rejections.page(rejected);
    }
  }

  private Response platformStoragePage(String idToken, String state, IssuedNonce issued) {
    Map<String, Object> values = new HashMap<>();
    values.put("idToken", idToken);
    values.put("state", state);
    values.put("target", issued.getStorageTarget());
    String origin =
        directory
            .find(issued.getRegistrationId())
            .map(r -> PlatformOrigin.of(r.authEndpoint()))
            .orElse("");
    values.put("origin", origin);
    return Response.ok(pages.render("lti-launch-storage", "Signing you in", values))
        .type(MediaType.TEXT_HTML_TYPE)
        .header("Referrer-Policy", "no-referrer")
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
