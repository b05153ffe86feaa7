package org.rapport.lti.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.registration.PlatformKind;
import org.rapport.lti.registration.RegistrationRequestView;
import org.rapport.lti.security.Roles;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Pages;

/**
 * The registration wizard: the administrator picks the LMS, gets its form with the endpoints the
 * LMS is known to use filled in and the values to paste into the LMS, saves, and tests the
 * registration.
 */
@Path("admin/lms")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class RegistrationWizardResource {
  static final String TITLE = "Register an LMS";

  @Inject Pages pages;
  @Inject RegistrationWizard wizard;
  @Inject RapportSettings settings;
  @Context UriInfo uri;
  @Context jakarta.ws.rs.container.ContainerRequestContext context;

  @GET
  @Path("new")
  @Operation(hidden = true)
  public Response start(@QueryParam("kind") String kind) {
    if (kind == null) {
      return Response.ok(pages.render("admin-lms-kind", TITLE, wizard.choose(null, null))).build();
    }
    Optional<PlatformKind> chosen = RegistrationWizard.kind(kind);
    if (chosen.isEmpty()) {
      return Response.status(400)
          .entity(
              pages.render(
                  "admin-lms-kind",
                  TITLE,
                  wizard.choose(null, "Choose the LMS to register from the list.")))
          .build();
    }
    return Response.ok(render(chosen.get(), wizard.start(chosen.get(), base()))).build();
  }

  @POST
  @Path("new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response submit(
      @FormParam("action") String action,
      @FormParam("platformKind") String platformKind,
      @FormParam("name") String name,
      @FormParam("siteUrl") String siteUrl,
      @FormParam("toolId") String toolId,
      @FormParam("issuer") String issuer,
      @FormParam("clientId") String clientId,
      @FormParam("deploymentId") String deploymentId,
      @FormParam("authEndpoint") String authEndpoint,
      @FormParam("tokenEndpoint") String tokenEndpoint,
      @FormParam("jwksUri") String jwksUri,
      @FormParam("deploymentPolicy") String deploymentPolicy) {
    Optional<PlatformKind> kind = RegistrationWizard.kind(platformKind);
    if (kind.isEmpty()) {
      return Response.status(400)
          .entity(
              pages.render(
                  "admin-lms-kind",
                  TITLE,
                  wizard.choose(null, "Choose the LMS to register from the list.")))
          .build();
    }
    RegistrationWizardForm form =
        new RegistrationWizardForm(
            kind.get().name(),
            name,
            siteUrl,
            toolId,
            issuer,
            clientId,
            deploymentId,
            authEndpoint,
            tokenEndpoint,
            jwksUri,
            deploymentPolicy);
    if (!"save".equals(action)) {
      RegistrationWizardView filled = wizard.fill(kind.get(), form, base());
      return Response.status(filled.hasProblems() ? 400 : 200)
          .entity(render(kind.get(), filled))
          .build();
    }
    RegistrationWizard.Saved saved =
        wizard.save(kind.get(), form, CurrentAdmin.of(context), base());
    if (saved instanceof RegistrationWizard.Created created) {
      return Response.seeOther(URI.create("/admin/lms/" + created.id() + "/test?saved=true"))
          .build();
    }
    return Response.status(400)
        .entity(render(kind.get(), ((RegistrationWizard.Refused) saved).page()))
        .build();
  }

  @GET
  @Path("{id: [0-9]+}/test")
  @Operation(hidden = true)
  public String test(@PathParam("id") long id, @QueryParam("saved") String saved) {
    RegistrationTestView view =
        wizard
            .test(id, "true".equals(saved) ? "Registration saved." : null, base())
            .orElseThrow(() -> new NotFoundException("There is no registration " + id + "."));
    return pages.render("admin-lms-test", "Test " + view.name(), view);
  }

  @GET
  @Path("{id: [0-9]+}/edit")
  @Operation(hidden = true)
  public String editForm(@PathParam("id") long id) {
    RegistrationEditView view =
        wizard
            .editPage(id)
            .orElseThrow(() -> new NotFoundException("There is no registration " + id + "."));
    return pages.render("admin-lms-edit", "Edit " + view.name(), view);
  }

  @POST
  @Path("{id: [0-9]+}/edit")
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
    RegistrationWizard.Edited edited =
        wizard.edit(
            id,
            new RegistrationRequestView(
                name,
                platformKind,
                null,
                null,
                authEndpoint,
                tokenEndpoint,
                jwksUri,
                deploymentPolicy,
                null),
            CurrentAdmin.of(context));
    if (edited instanceof RegistrationWizard.EditSaved saved) {
      return Response.seeOther(URI.create("/admin/lms/" + saved.id() + "/test?saved=true")).build();
    }
    if (edited instanceof RegistrationWizard.EditRefused refused) {
      return Response.status(400)
          .entity(pages.render("admin-lms-edit", "Edit " + refused.page().name(), refused.page()))
          .build();
    }
    throw new NotFoundException("There is no registration " + id + ".");
  }

  private String render(PlatformKind kind, RegistrationWizardView view) {
    return pages.render("admin-lms-form", TITLE + ": " + kind.label(), view);
  }

  private URI base() {
    return settings.publicUrl(uri.getBaseUri());
  }
}
