package org.rapport.lti.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.keys.ToolKeys;
import org.rapport.lti.launch.LaunchLog;
import org.rapport.lti.registration.RegistrationInvite;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Pages;

/**
 * The administration page: registrations and deployments, the values to paste into each LMS, the
 * dynamic registration URL, the tool keys and the launch log with the reason for each rejection.
 */
@Path("admin")
@AdminOnly
@Produces(MediaType.TEXT_HTML)
public class AdminConsoleResource {
  @Inject Pages pages;
  @Inject RegistrationRepository registrations;
  @Inject LaunchLog launches;
  @Inject ToolKeys keys;
  @Inject RegistrationInvite invite;
  @Inject RapportSettings settings;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public String console() {
    return render(null, null, Map.of());
  }

  @POST
  @Path("registrations")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response create(
      @FormParam("name") String name,
      @FormParam("platformKind") String platformKind,
      @FormParam("issuer") String issuer,
      @FormParam("clientId") String clientId,
      @FormParam("authEndpoint") String authEndpoint,
      @FormParam("tokenEndpoint") String tokenEndpoint,
      @FormParam("jwksUri") String jwksUri,
      @FormParam("deploymentPolicy") String deploymentPolicy) {
    RegistrationRequestView request =
        new RegistrationRequestView(
            name,
            platformKind,
            issuer,
            clientId,
            authEndpoint,
            tokenEndpoint,
            jwksUri,
            deploymentPolicy,
            true);
    List<String> problems = RegistrationSettings.identityProblems(issuer, clientId);
    RegistrationSettings checked = null;
    try {
      checked = RegistrationSettings.from(request);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    if (problems.isEmpty()
        && registrations.create(issuer.strip(), clientId.strip(), checked).isEmpty()) {
      problems.add("A registration for this issuer and client id already exists.");
    }
    if (!problems.isEmpty()) {
      Map<String, Object> form = new HashMap<>();
      form.put("name", nz(name));
      form.put("issuer", nz(issuer));
      form.put("clientId", nz(clientId));
      form.put("authEndpoint", nz(authEndpoint));
      form.put("tokenEndpoint", nz(tokenEndpoint));
      form.put("jwksUri", nz(jwksUri));
      return Response.status(400).entity(render(null, problems, form)).build();
    }
    return Response.ok(render("Registration created.", null, Map.of())).build();
  }

  @POST
  @Path("registrations/{id: [0-9]+}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response edit(
      @PathParam("id") long id,
      @FormParam("name") String name,
      @FormParam("platformKind") String platformKind,
      @FormParam("authEndpoint") String authEndpoint,
      @FormParam("tokenEndpoint") String tokenEndpoint,
      @FormParam("jwksUri") String jwksUri,
      @FormParam("deploymentPolicy") String deploymentPolicy) {
    PlatformRegistration r =
        registrations
            .find(id)
            .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No such registration."));
    try {
      RegistrationSettings checked =
          RegistrationSettings.from(
              new RegistrationRequestView(
                  name,
                  platformKind,
                  r.getIssuer(),
                  r.getClientId(),
                  authEndpoint,
                  tokenEndpoint,
                  jwksUri,
                  deploymentPolicy,
                  r.isEnabled()));
      registrations.update(id, checked);
      return Response.ok(render("Registration " + checked.name() + " saved.", null, Map.of()))
          .build();
    } catch (InvalidRequestException e) {
      return Response.status(400).entity(render(null, e.problems(), Map.of())).build();
    }
  }

  @POST
  @Path("registrations/{id: [0-9]+}/toggle")
  @Operation(hidden = true)
  public Response toggle(@PathParam("id") long id) {
    PlatformRegistration r =
        registrations
            .find(id)
            .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No such registration."));
    RegistrationSettings same =
        new RegistrationSettings(
            r.getName(),
            r.getPlatformKind(),
            URI.create(r.getAuthEndpoint()),
            r.getTokenEndpoint() == null ? null : URI.create(r.getTokenEndpoint()),
            URI.create(r.getJwksUri()),
            r.getDeploymentPolicy(),
            !r.isEnabled());
    registrations.update(id, same);
    return Response.seeOther(URI.create("/admin")).build();
  }

  @POST
  @Path("keys/rotate")
  @Operation(hidden = true)
  public Response rotate() {
    try {
      keys.rotate();
      return Response.ok(
              render(
                  "A new key is published; it starts signing after the overlap.", null, Map.of()))
          .build();
    } catch (IllegalStateException inProgress) {
      return Response.status(409)
          .entity(
              render(
                  null,
                  List.of(
                      "A rotation is already in progress; rotate again once the next key signs."),
                  Map.of()))
          .build();
    }
  }

  private String render(String notice, List<String> problems, Map<String, Object> form) {
    URI base = settings.publicUrl(uri.getBaseUri());
    PlatformSetupValues setup = new PlatformSetupValues(base);
    List<RegistrationView> views =
        registrations.all().stream()
            .map(r -> RegistrationView.of(r, registrations.deployments(r.getId())))
            .toList();
    Map<String, Object> values = new HashMap<>(form);
    values.put("registrations", views);
    values.put("empty", views.isEmpty());
    values.put("platforms", setup.all());
    values.put("dynamicRegistrationUrl", invite.url(base));
    values.put(
        "keys",
        keys.ring().keys().stream()
            .map(
                k ->
                    Map.of(
                        "kid", k.kid(),
                        "activatesAt", k.activatesAt().toString(),
                        "retiresAt", k.retiresAt() == null ? "" : k.retiresAt().toString()))
            .toList());
    values.put("launches", launches.recent(50));
    if (notice != null) {
      values.put("notice", notice);
    }
    if (problems != null) {
      values.put("problems", problems);
      values.put("hasProblems", !problems.isEmpty());
    }
    return pages.render("admin-console", "Administration", values);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
