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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.keys.ToolKeys;
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
  /** The {@code message} that starts a content selection instead of an ordinary launch. */
  static final String CONTENT_SELECTION = "content-selection";

  /** Marks a content selection's login in {@code lti_message_hint}. */
  private static final String SELECTION_HINT = "content-selection:";

  @Inject ToolKeys toolKeys;
  @Inject Clock clock;
  @Inject RapportSettings settings;
  @Inject DevPlatform platform;
  @Inject DemoTenant demo;
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
      @QueryParam("registration") String registration,
      @QueryParam("message") String message) {
    return launch(role, user, target, course, registration, message, uri.getQueryParameters());
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
      @FormParam("course") String course,
      @FormParam("message") String message) {
    return launch(
        role, user, target, course, null, message, new jakarta.ws.rs.core.MultivaluedHashMap<>());
  }

  /**
   * Query parameters {@code custom_<name>=<value>} become LTI custom parameters of the launch (for
   * example {@code custom_rapport_matriculation_year=2024}), the way an LMS sends those configured
   * on a link. With {@code registration=<id>} the launch goes through that registration (its client
   * id and first deployment id), which must have the test platform's issuer: the registration
   * wizard's "test this registration" in development mode. {@code message=content-selection} starts
   * a content selection (deep-linking request) instead, as an LMS's "add content" tool does; only
   * an instructor can.
   */
  private String launch(
      String role,
      String user,
      String target,
      String course,
      String registration,
      String message,
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
    boolean selection = CONTENT_SELECTION.equals(message);
    if (message != null && !message.isBlank() && !selection) {
      throw new BadRequestException(
          "message may only be " + CONTENT_SELECTION + " (or left out for an ordinary launch).");
    }
    if (selection && !person.role().equals("instructor")) {
      throw new BadRequestException(
          "Only an instructor can start a content selection: use role=instructor.");
    }
    URI base = base();
    platform.ensureRegistered(base);
    demo.ensure(base);
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
            .queryParam(
                "lti_message_hint",
                (selection ? SELECTION_HINT : "") + DevCustomParameters.hint(path, query))
            .queryParam("client_id", through.clientId())
            .queryParam("lti_deployment_id", through.deploymentId())
            .queryParam("lti_storage_target", "_parent")
            .build();
    return pages.render(
        "dev-platform",
        "Test platform",
        new DevPlatformView(
            login.toString(),
            person.name(),
            base.toString(),
            selection ? "Adding Rapport content to the course" : null));
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
    String messageHint = q.getFirst("lti_message_hint");
    boolean selection = messageHint != null && messageHint.startsWith(SELECTION_HINT);
    if (selection) {
      messageHint = messageHint.substring(SELECTION_HINT.length());
    }
    String hint = DevCustomParameters.path(messageHint);
    String path =
        hint != null && hint.matches("/app(/[A-Za-z0-9_-]+)*") ? hint : LtiEndpoints.APP_PATH;
    String target = base + path;
    String idToken =
        selection
            ? platform.deepLinkingToken(
                base, person, nonce, URI.create(target), platform.openSelection())
            : platform.idToken(
                through,
                person,
                nonce,
                URI.create(target),
                DevCustomParameters.custom(messageHint));
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

  /**
   * Takes Rapport's answer to a content selection, checks it as an LMS would and shows the items it
   * would add to the course; a refused answer is a 400 page saying why.
   */
  @POST
  @Path("deep-link-return")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response deepLinkReturn(@FormParam("JWT") String jwt) {
    URI base = base();
    try {
      List<DevDeepLinkReturn.Item> items =
          DevDeepLinkReturn.check(
              jwt,
              toolKeys.publicJwks(),
              platform.issuer(base),
              platform::closeSelection,
              clock.instant());
      return Response.ok(
              pages.render(
                  "dev-platform-return",
                  "Content added",
                  new DevDeepLinkReturnView(items, items.isEmpty())))
          .build();
    } catch (DevDeepLinkReturn.Refused refused) {
      throw new BadRequestException(refused.getMessage());
    }
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
