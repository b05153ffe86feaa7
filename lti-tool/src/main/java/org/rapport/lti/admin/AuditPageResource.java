package org.rapport.lti.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/** The administrators' page of the audit log: who accessed or changed student-level data. */
@Path("admin/audit")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class AuditPageResource {
  static final int SHOWN = 200;

  @Inject Pages pages;
  @Inject AuditLog log;

  @GET
  @Operation(hidden = true)
  public String page(
      @QueryParam("registration") Long registrationId, @QueryParam("student") Long studentId) {
    return pages.render(
        "admin-audit",
        "Audit log",
        new AuditPage(
            log.recent(registrationId, studentId, SHOWN).stream().map(AuditEntryView::of).toList(),
            registrationId,
            studentId));
  }
}
