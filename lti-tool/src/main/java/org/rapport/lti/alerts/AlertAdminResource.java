package org.rapport.lti.alerts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.mail.OutboxEntryView;
import org.rapport.lti.security.Roles;

/**
 * JSON API for administrators: a tenant's alert rule (read, change with validation), its alerts,
 * evaluation on demand and the state of its alert mail. {@code {id}} is the registration (tenant).
 */
@Path("api/admin/alerts")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Cohort decline alerts per tenant")
public class AlertAdminResource {
  @Inject AlertAdministration administration;
  @Inject AlertEvaluation evaluation;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Path("{id: [0-9]+}/rule")
  @Operation(summary = "The tenant's alert rule (Rapport's defaults until changed)")
  public Map<String, Object> rule(@PathParam("id") long id) {
    return answer(administration.rule(id));
  }

  @PUT
  @Path("{id: [0-9]+}/rule")
  @Operation(summary = "Change the alert rule; fields left out keep their value")
  public Map<String, Object> changeRule(@PathParam("id") long id, AlertRuleView change) {
    Object admin = request.getProperty("rapport.admin");
    return answer(administration.changeRule(id, change, "admin " + admin));
  }

  private static Map<String, Object> answer(AlertAdministration.Rule rule) {
    return Map.of("rule", rule.rule(), "summary", rule.summary());
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "The tenant's alerts with every figure, open first")
  public List<AlertView> alerts(@PathParam("id") long id) {
    return administration.alerts(id);
  }

  @POST
  @Path("{id: [0-9]+}/evaluate")
  @Operation(summary = "Evaluate the tenant now instead of waiting for the hourly run")
  public TenantEvaluation.Result evaluate(@PathParam("id") long id) {
    evaluation.seen(uri.getBaseUri());
    return administration.evaluate(id);
  }

  @GET
  @Path("{id: [0-9]+}/evaluation")
  @Operation(
      summary =
          "The tenant's last alert evaluation: when, why (schedule, closed wave, import, request)"
              + " and what it found")
  public LastEvaluation lastEvaluation(@PathParam("id") long id) {
    return administration.lastEvaluation(id);
  }

  @GET
  @Path("{id: [0-9]+}/mail")
  @Operation(summary = "Alert mail of the tenant: queued, retried and sent")
  public List<OutboxEntryView> mail(@PathParam("id") long id) {
    return administration.mail(id);
  }

  @POST
  @Path("{id: [0-9]+}/mail/{mailId: [0-9]+}/resend")
  @Operation(summary = "Queue a mail Rapport gave up on (dead-lettered) again, to be sent now")
  public Map<String, Object> resendMail(
      @PathParam("id") long id, @PathParam("mailId") long mailId) {
    administration.resendMail(id, mailId);
    return Map.of("resent", true, "mailId", mailId);
  }
}
