package org.rapport.lti.registration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.InvalidRequestException;

/** JSON API for platform registrations. Administrators only. */
@Path("api/admin/registrations")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations", description = "LMS platform registrations (tenants)")
public class RegistrationResource {
  @Inject RegistrationAdministration administration;
  @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext context;

  @GET
  @Operation(summary = "List every registration with its deployments")
  public List<RegistrationView> list() {
    return administration.all();
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One registration with its deployments")
  public RegistrationView get(@PathParam("id") long id) {
    return administration.find(id).orElseThrow(() -> notFound(id));
  }

  @GET
  @Path("{id: [0-9]+}/usage")
  @Operation(summary = "How many learners, courses, memberships and deployments it holds")
  public Map<String, Long> usage(@PathParam("id") long id) {
    return administration.usage(id).orElseThrow(() -> notFound(id));
  }

  @POST
  @Operation(summary = "Register a platform by issuer and client id")
  public Response create(RegistrationRequestView request) {
    if (request == null) {
      throw new InvalidRequestException(List.of("Send the registration as a JSON object."));
    }
    PlatformRegistration created = administration.create(request, CurrentAdmin.of(context));
    return Response.created(URI.create("api/admin/registrations/" + created.getId()))
        .entity(RegistrationView.of(created, List.of()))
        .build();
  }

  @PUT
  @Path("{id: [0-9]+}")
  @Operation(summary = "Edit a registration (issuer and client id cannot change)")
  public RegistrationView update(@PathParam("id") long id, RegistrationRequestView request) {
    if (request == null) {
      throw new InvalidRequestException(List.of("Send the registration as a JSON object."));
    }
    PlatformRegistration updated =
        administration
            .update(id, request, CurrentAdmin.of(context))
            .orElseThrow(() -> notFound(id));
    return administration.view(updated);
  }

  @POST
  @Path("{id: [0-9]+}/disable")
  @Operation(summary = "Disable a registration: its launches are refused until enabled again")
  public RegistrationView disable(@PathParam("id") long id) {
    return setEnabled(id, false);
  }

  @POST
  @Path("{id: [0-9]+}/enable")
  @Operation(summary = "Enable a registration again")
  public RegistrationView enable(@PathParam("id") long id) {
    return setEnabled(id, true);
  }

  private RegistrationView setEnabled(long id, boolean enabled) {
    PlatformRegistration updated =
        administration
            .setEnabled(id, enabled, CurrentAdmin.of(context))
            .orElseThrow(() -> notFound(id));
    return administration.view(updated);
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException(
        "There is no registration with id " + id + ".",
        Response.status(404)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("status", 404, "error", "There is no registration with id " + id + "."))
            .build());
  }
}
