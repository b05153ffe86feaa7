package org.rapport.lti.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.security.Roles;

/** Reads the audit log of access to student-level data. Administrators only. */
@Path("api/admin/audit")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who accessed student-level data, and when")
public class AuditResource {
  @Inject AuditLog log;

  @GET
  @Operation(summary = "The newest audit entries, optionally for one tenant or one student")
  public List<AuditEntryView> recent(
      @QueryParam("registration") Long registrationId,
      @QueryParam("student") Long studentId,
      @QueryParam("limit") @DefaultValue("200") int limit) {
    return log.recent(registrationId, studentId, limit).stream().map(AuditEntryView::of).toList();
  }
}
