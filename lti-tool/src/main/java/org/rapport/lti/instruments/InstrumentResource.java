package org.rapport.lti.instruments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;

/** Lists the installed instruments and whether each can be scheduled. Administrators only. */
@Path("api/admin/instruments")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "Self-assessment instruments installed in Rapport")
public class InstrumentResource {
  @Inject Instruments instruments;

  @GET
  @Operation(
      summary =
          "Every installed instrument version; unschedulableReason says why one cannot be used"
              + " in a wave (for example, licensed item texts not supplied)")
  public List<InstrumentView> list() {
    return instruments.catalog().all().stream().map(InstrumentView::of).toList();
  }
}
