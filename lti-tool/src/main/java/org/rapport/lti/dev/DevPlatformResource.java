package org.rapport.lti.dev;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.LtiEndpoints;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Pages;

/**
 * The built-in test platform's endpoints: a mock course page that embeds Rapport in an iframe and
 * answers platform-storage messages, the OIDC authorization endpoint that checks Rapport's request
 * and posts back a signed id_token, and the platform's JWKS. All answer 404 unless development mode
 * is on ({@link DevelopmentModeFilter}).
 */
@PermitAll
@Path("dev/platform")
@DevelopmentOnly
public class DevPlatformResource {
  @Inject RapportSettings settings;
  @Inject DevPlatform platform;
  @Inject Pages pages;
  @Context UriInfo uri;

  @GET
  @Path("launch")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String launchGet(
      @QueryParam("role") String role,
      @QueryParam("user") String user,
      @QueryParam("target") String target,
      @QueryParam("course") String course,
      @QueryParam("registration") String registration) {
    return launch(role, user, target, course, registration, uri.getQueryParameters());
  }

  @POST
  @Path("launch")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String launchPost(
      @FormParam("role") String role,
      @FormParam("user") String user,
      @FormParam("target") String target,
      @FormParam("course") String course) {
    return launch(role, user, target, course, null, new jakarta.ws.rs.core.MultivaluedHashMap<>());
  }

  /**
   * Query parameters {@code custom_<name>=<value>} become LTI custom parameters of the launch (for
   * example {@code custom_rapport_matriculation_year=2024}), the way an LMS sends those configured
   * on a link. With {@code registration=<id>} the launch goes through that registration (its client
   * id and first deployment id), which must have the test platform's issuer: the registration
   * wizard's "test this registration" in development mode.
   */
  private String launch(
      String role,
      String user,
      String target,
      String course,
      String registration,
      MultivaluedMap<String, String> query) {
    DemoPerson person =
        DemoPerson.of(role, user, course)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "Choose role=student or role=instructor; user and course may have letters,"
                            + " digits and dashes."));
    String path = target == null || target.isBlank() ? LtiEndpoints.APP_PATH : target.strip();
    if (!path.matches("/app(/[A-Za-z0-9_-]+)*")) {
      throw new BadRequestException("target must be a Rapport page under /app, e.g. /app.");
    }
    URI base = base();
    platform.ensureRegistered(base);
    DevPlatform.Target through = platform.builtIn(base);
    if (registration != null && !registration.isBlank()) {
      through =
          (registration.strip().matches("[0-9]{1,18}")
                  ? platform.target(base, Long.parseLong(registration.strip()))
                  : java.util.Optional.<DevPlatform.Target>empty())
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "The test platform launches only registrations with its issuer "
                              + platform.issuer(base)
                              + "; registration "
                              + registration.strip()
                              + " is not one of them."));
    }
    URI login =
        UriBuilder.fromUri(base + LtiEndpoints.LOGIN_PATH)
            .queryParam("iss", platform.issuer(base))
            .queryParam("login_hint", person.loginHint())
            .queryParam("target_link_uri", base + path)
            .queryParam("lti_message_hint", DevCustomParameters.hint(path, query))
            .queryParam("client_id", through.clientId())
            .queryParam("lti_deployment_id", through.deploymentId())
            .queryParam("lti_storage_target", "_parent")
            .build();
    return pages.render(
        "dev-platform",
        "Test platform",
        new DevPlatformView(login.toString(), person.name(), base.toString()));
  }

  /**
   * The OIDC authorization endpoint at Moodle's address for it, so that a registration made with
   * the registration wizard for a "Moodle" at {@code <Rapport>/dev/platform} is answered by the
   * test platform.
   */
  @GET
  @Path("mod/lti/auth.php")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String authorizeAsMoodle() {
    return authorize();
  }

  @GET
  @Path("auth")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String authorize() {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    URI base = base();
    expect(q, "scope", "openid");
    expect(q, "response_type", "id_token");
    expect(q, "response_mode", "form_post");
    expect(q, "prompt", "none");
    DevPlatform.Target through =
        platform
            .target(base, q.getFirst("client_id"))
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "The test platform has no registration with client_id "
                            + q.getFirst("client_id")
                            + "."));
    expect(q, "redirect_uri", base + LtiEndpoints.LAUNCH_PATH);
    String nonce = required(q, "nonce");
    String state = required(q, "state");
    DemoPerson person =
        DemoPerson.fromLoginHint(q.getFirst("login_hint"))
            .orElseThrow(() -> new BadRequestException("Unknown login_hint."));
    String hint = DevCustomParameters.path(q.getFirst("lti_message_hint"));
    String path =
        hint != null && hint.matches("/app(/[A-Za-z0-9_-]+)*") ? hint : LtiEndpoints.APP_PATH;
    String target = base + path;
    String idToken =
        platform.idToken(
            through,
            person,
            nonce,
            URI.create(target),
            DevCustomParameters.custom(q.getFirst("lti_message_hint")));
    return pages.render(
        "dev-platform-post",
        "Launching",
        new DevLaunchPostView(base + LtiEndpoints.LAUNCH_PATH, idToken, state));
  }

  /** The test platform's key set at Moodle's address for it. */
  @GET
  @Path("mod/lti/certs.php")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public String jwksAsMoodle() {
    return jwks();
  }

  @GET
  @Path("jwks")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public String jwks() {
    return platform.publicKeys().toString(true);
  }

  private URI base() {
    return settings.publicUrl(uri.getBaseUri());
  }

  private static void expect(MultivaluedMap<String, String> q, String name, String value) {
    if (!value.equals(q.getFirst(name))) {
      throw new BadRequestException(
          "The authentication request must carry " + name + "=" + value + ".");
    }
  }

  private static String required(MultivaluedMap<String, String> q, String name) {
    String value = q.getFirst(name);
    if (value == null || value.isBlank()) {
      throw new BadRequestException("The authentication request has no " + name + ".");
    }
    return value;
  }
}
