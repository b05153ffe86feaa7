package org.rapport.lti.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;

/**
 * JSON API for administrators: a registration's identity policy, and the student links launches
 * asked for that wait for approval.
 */
@Path("api/admin/identity")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "How launched users are identified and linked")
public class IdentityAdminResource {
  @Inject IdentityPolicies policies;
  @Inject StudentLinkRequests requests;
  @Context ContainerRequestContext request;

  @GET
  @Path("registrations/{id: [0-9]+}/policy")
  @Operation(summary = "A registration's identity policy (defaults until changed)")
  public IdentityPolicyView policy(@PathParam("id") long id) {
    return policies.of(id);
  }

  @PUT
  @Path("registrations/{id: [0-9]+}/policy")
  @Operation(
      summary =
          "Change whether launches link students to imported history by themselves"
              + " (launchLinksAllowed) and what a TeachingAssistant is (STUDENT or INSTRUCTOR)")
  public IdentityPolicyView changePolicy(
      @PathParam("id") long id,
      @Valid
          @NotNull(
              message = "Send launchLinksAllowed (true/false) and teachingAssistantRole as JSON.")
          IdentityPolicyView change) {
    return policies.change(id, change, CurrentAdmin.of(request));
  }

  @GET
  @Path("link-requests")
  @Operation(summary = "Student links waiting for approval, oldest first")
  public List<StudentLinkRequestView> pending(@QueryParam("registration") Long registration) {
    return requests.pending(registration);
  }

  @POST
  @Path("link-requests/{id: [0-9]+}/approve")
  @Operation(summary = "Approve a student link: the LMS user sees the pseudonym's imported history")
  public StudentLinkRequestView approve(@PathParam("id") long id) {
    return requests.approve(id, CurrentAdmin.of(request));
  }

  @POST
  @Path("link-requests/{id: [0-9]+}/reject")
  @Operation(summary = "Reject a student link, with an optional note")
  public StudentLinkRequestView reject(@PathParam("id") long id, Map<String, String> body) {
    return requests.reject(id, CurrentAdmin.of(request), body == null ? null : body.get("note"));
  }
}
