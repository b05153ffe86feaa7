package org.rapport.lti.alerts;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.AdminOnly;
import org.rapport.lti.admin.InvalidRequestException;
import org.rapport.lti.admin.MissingException;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.mail.MailOutbox;
import org.rapport.lti.mail.OutboxEntryView;
import org.rapport.lti.persistence.RapportDataSource;

/**
 * JSON API for administrators: a tenant's alert rule (read, change with validation), its alerts,
 * evaluation on demand and the state of its alert mail. {@code {id}} is the registration (tenant).
 */
@Path("api/admin/alerts")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Cohort decline alerts per tenant")
public class AlertAdminResource {
  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject AlertEvaluation evaluation;
  @Inject PrivacySettings privacy;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Path("{id: [0-9]+}/rule")
  @Operation(summary = "The tenant's alert rule (Rapport's defaults until changed)")
  public Map<String, Object> rule(@PathParam("id") long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireTenant(c, id);
      return ruleAnswer(AlertRules.load(c, id));
    }
  }

  @PUT
  @Path("{id: [0-9]+}/rule")
  @Operation(summary = "Change the alert rule; fields left out keep their value")
  public Map<String, Object> changeRule(@PathParam("id") long id, AlertRuleView change)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireTenant(c, id);
      RuleSettings merged;
      try {
        merged = AlertRules.merge(AlertRules.load(c, id), change, privacy.minimumGroupSize());
      } catch (AlertRules.InvalidRule e) {
        throw new InvalidRequestException(e.problems());
      }
      Object admin = request.getProperty("rapport.admin");
      AlertRules.save(c, id, merged, "admin " + admin, Instant.now());
      return ruleAnswer(merged);
    }
  }

  private Map<String, Object> ruleAnswer(RuleSettings settings) {
    return Map.of(
        "rule",
        AlertRuleView.of(settings),
        "summary",
        AlertRuleSummary.sentences(settings, settings.effectiveRule(privacy.minimumGroupSize())));
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "The tenant's alerts with every figure, open first")
  public List<AlertView> alerts(@PathParam("id") long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireTenant(c, id);
      AlertVocabulary words = evaluation.vocabulary();
      return AlertRepository.list(c, id, null).stream().map(a -> AlertView.of(a, words)).toList();
    }
  }

  @POST
  @Path("{id: [0-9]+}/evaluate")
  @Operation(summary = "Evaluate the tenant now instead of waiting for the hourly run")
  public TenantEvaluation.Result evaluate(@PathParam("id") long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireTenant(c, id);
    }
    evaluation.seen(uri.getBaseUri());
    return evaluation.evaluate(id, "requested by an administrator");
  }

  @GET
  @Path("{id: [0-9]+}/evaluation")
  @Operation(
      summary =
          "The tenant's last alert evaluation: when, why (schedule, closed wave, import, request)"
              + " and what it found")
  public LastEvaluation lastEvaluation(@PathParam("id") long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireTenant(c, id);
      return LastEvaluation.find(c, id)
          .orElseThrow(
              () ->
                  new MissingException(
                      "Tenant "
                          + id
                          + " has not been evaluated yet; the hourly run, a closing wave, an"
                          + " import or POST .../evaluate will evaluate it."));
    }
  }

  @GET
  @Path("{id: [0-9]+}/mail")
  @Operation(summary = "Alert mail of the tenant: queued, retried and sent")
  public List<OutboxEntryView> mail(@PathParam("id") long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireTenant(c, id);
      return MailOutbox.list(c, id);
    }
  }

  private static void requireTenant(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM registration WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException(
              "There is no registration with id " + id + ".",
              Response.status(404)
                  .type(MediaType.APPLICATION_JSON_TYPE)
                  .entity(
                      Map.of(
                          "status", 404, "error", "There is no registration with id " + id + "."))
                  .build());
        }
      }
    }
  }
}
