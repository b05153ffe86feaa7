package org.rapport.lti.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.web.Pages;

/** The administration home page: registrations and their deployments. */
@Path("admin")
@AdminOnly
@Produces(MediaType.TEXT_HTML)
public class AdminConsoleResource {
  @Inject Pages pages;
  @Inject RegistrationRepository registrations;

  @GET
  @Operation(hidden = true)
  public String console() {
    List<RegistrationView> views =
        registrations.all().stream()
            .map(r -> RegistrationView.of(r, registrations.deployments(r.getId())))
            .toList();
    return pages.render(
        "admin-console",
        "Administration",
        Map.of("registrations", views, "empty", views.isEmpty()));
  }
}
