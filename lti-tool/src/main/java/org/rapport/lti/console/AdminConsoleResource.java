package org.rapport.lti.console;

import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.admin.AdministratorAuthenticator;
import org.rapport.lti.admin.ApiTokens;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.keys.RotateToolKeys;
import org.rapport.lti.keys.ToolKeyResource;
import org.rapport.lti.registration.PlatformRegistration;
import org.rapport.lti.registration.RegistrationAdministration;
import org.rapport.lti.registration.RegistrationInvites;
import org.rapport.lti.registration.RegistrationRequestView;
import org.rapport.lti.security.Roles;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.Pages;

/**
 * The administration page: registrations and deployments, the values to paste into each LMS, the
 * dynamic registration invites, the tool keys and the launch log with the reason for each
 * rejection.
 */
@Path("admin")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class AdminConsoleResource {
  @Inject Pages pages;
  @Inject AdminConsole console;
  @Inject RegistrationInvites invites;
  @Inject RapportSettings settings;
  @Inject ApiTokens apiTokens;
  @Inject RotateToolKeys rotations;
  @Inject RegistrationAdministration administration;
  @Context UriInfo uri;
  @Context jakarta.ws.rs.container.ContainerRequestContext context;

  @GET
  @Operation(hidden = true)
  public String console() {
    return render(null, null);
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
    List<String> problems;
    try {
      administration.create(request, CurrentAdmin.of(context));
      problems = List.of();
    } catch (InvalidRequestException invalid) {
      problems = invalid.problems();
    } catch (ConflictException conflict) {
      problems = conflict.problems();
    }
    if (!problems.isEmpty()) {
      AdminConsoleView.RegistrationForm form =
          new AdminConsoleView.RegistrationForm(
              nz(name), nz(issuer), nz(clientId), nz(authEndpoint), nz(tokenEndpoint), nz(jwksUri));
      return Response.status(400).entity(render(null, problems, form, null, null)).build();
    }
    return Response.ok(render("Registration created.", null)).build();
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
    RegistrationRequestView form =
        new RegistrationRequestView(
            name,
            platformKind,
            null,
            null,
            authEndpoint,
            tokenEndpoint,
            jwksUri,
            deploymentPolicy,
            null);
    try {
      PlatformRegistration saved =
          administration
              .edit(id, form, CurrentAdmin.of(context))
              .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No such registration."));
      return Response.ok(render("Registration " + saved.getName() + " saved.", null)).build();
    } catch (InvalidRequestException e) {
      return Response.status(400).entity(render(null, e.problems())).build();
    }
  }

  @POST
  @Path("registrations/{id: [0-9]+}/toggle")
  @Operation(hidden = true)
  public Response toggle(@PathParam("id") long id) {
    if (!administration.toggle(id, CurrentAdmin.of(context))) {
      throw new jakarta.ws.rs.NotFoundException("No such registration.");
    }
    return Response.seeOther(URI.create("/admin")).build();
  }

  @POST
  @Path("keys/rotate")
  @Operation(hidden = true)
  public Response rotate() {
    try {
      rotations.rotate(CurrentAdmin.of(context));
    } catch (RotateToolKeys.Refused refused) {
      String problem =
          refused.reason() == RotateToolKeys.Refusal.CONFIGURED
              ? ToolKeyResource.CONFIGURED_KEYS
              : "A rotation is already in progress; rotate again once the next key signs.";
      return Response.status(409).entity(render(null, List.of(problem))).build();
    }
    return Response.ok(render("A new key is published; it starts signing after the overlap.", null))
        .build();
  }

  @POST
  @Path("api-tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response createApiToken(@FormParam("name") String name) {
    String value;
    try {
      value = apiTokens.create(name, adminName());
    } catch (InvalidRequestException invalid) {
      return Response.status(400).entity(render(null, invalid.problems())).build();
    }
    return Response.ok(
            render(
                "API token " + name.strip() + " created.",
                null,
                AdminConsoleView.RegistrationForm.EMPTY,
                value,
                null))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("api-tokens/{id: [0-9]+}/revoke")
  @Operation(hidden = true)
  public Response revokeApiToken(@PathParam("id") long id) {
    if (!apiTokens.revoke(id, adminName())) {
      throw new jakarta.ws.rs.NotFoundException("There is no live API token " + id + ".");
    }
    return Response.ok(render("API token revoked.", null)).build();
  }

  @POST
  @Path("registration-invites")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response createInvite(
      @FormParam("expiryDays") String expiryDays,
      @FormParam("enableOnArrival") String enableOnArrival) {
    int days;
    try {
      days =
          expiryDays == null || expiryDays.isBlank()
              ? RegistrationInvites.DEFAULT_EXPIRY_DAYS
              : Integer.parseInt(expiryDays.strip());
    } catch (NumberFormatException e) {
      days = -1;
    }
    URI url;
    try {
      url =
          invites.create(
              settings.publicUrl(uri.getBaseUri()),
              adminName(),
              days,
              "true".equals(enableOnArrival) || "on".equals(enableOnArrival));
    } catch (InvalidRequestException invalid) {
      return Response.status(400).entity(render(null, invalid.problems())).build();
    }
    return Response.ok(
            render(
                "Registration invite made; it works once within " + days + " day(s).",
                null,
                AdminConsoleView.RegistrationForm.EMPTY,
                null,
                url.toString()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("registration-invites/{id: [0-9]+}/revoke")
  @Operation(hidden = true)
  public Response revokeInvite(@PathParam("id") long id) {
    if (!invites.revoke(id, adminName())) {
      throw new jakarta.ws.rs.NotFoundException("There is no open registration invite " + id + ".");
    }
    return Response.ok(render("Registration invite revoked.", null)).build();
  }

  private String adminName() {
    Object admin = context.getProperty(AdministratorAuthenticator.PROPERTY);
    return admin == null ? "unknown" : admin.toString();
  }

  private String render(String notice, List<String> problems) {
    return render(notice, problems, AdminConsoleView.RegistrationForm.EMPTY, null, null);
  }

  private String render(
      String notice,
      List<String> problems,
      AdminConsoleView.RegistrationForm form,
      String newToken,
      String newInviteUrl) {
    return pages.render(
        "admin-console",
        "Administration",
        console.view(
            notice, problems, form, newToken, newInviteUrl, settings.publicUrl(uri.getBaseUri())));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
