package org.rapport.lti.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.settings.RapportSettings;

/** The landing page: what Rapport is, and in development mode the launcher that needs no LMS. */
@PermitAll
@Path("")
public class HomeResource {
  @Inject Pages pages;
  @Inject RapportSettings settings;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String home() {
    return pages.render("home", "Rapport", new HomeView(settings.devMode()));
  }
}
