package org.rapport.lti.alerts;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.web.Pages;

/**
 * The faculty's alert inbox for their institution (tenant): every alert with its figures, the rule
 * in plain words, and forms to acknowledge and resolve. Faculty only; students get 403.
 */
@Path("app/faculty/alerts")
@Launched
public class AlertInboxResource {
  static final String NOTE_NEEDED =
      "Please write a short note on what was done or decided before resolving the alert.";
  static final String NOT_OPEN =
      "This alert has already been acknowledged or resolved; the page shows its current state.";

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject Pages pages;
  @Inject AlertEvaluation evaluation;
  @Inject PrivacySettings privacy;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String inbox(@QueryParam("done") String done) throws SQLException {
    LaunchedUser user = CurrentUser.faculty(request);
    evaluation.seen(uri.getBaseUri());
    String token = CurrentUser.token(request);
    try (Connection c = dataSource.getConnection()) {
      List<StoredAlert> alerts = AlertRepository.list(c, user.registrationId(), null);
      RuleSettings settings = AlertRules.load(c, user.registrationId());
      Map<String, Object> v = new HashMap<>();
      v.put("s", token);
      v.put("alerts", AlertCards.of(alerts, evaluation.vocabulary(), token, "alerts"));
      v.put("hasAlerts", !alerts.isEmpty());
      v.put("openCount", alerts.stream().filter(a -> a.state() == AlertState.OPEN).count());
      v.put(
          "rule",
          AlertRuleSummary.sentences(settings, settings.effectiveRule(privacy.minimumGroupSize())));
      v.put("done", doneMessage(done));
      return pages.render("faculty-alerts", "Alerts", v);
    }
  }

  @GET
  @Path("rule")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The institution's alert rule, read only, for faculty")
  public Map<String, Object> rule() throws SQLException {
    LaunchedUser user = CurrentUser.faculty(request);
    try (Connection c = dataSource.getConnection()) {
      RuleSettings settings = AlertRules.load(c, user.registrationId());
      AlertRuleView view = AlertRuleView.of(settings);
      return Map.of(
          "rule",
          new AlertRuleView(
              view.comparisons(),
              view.minimumN(),
              view.effectSizeThreshold(),
              view.confidenceLevel(),
              view.measures(),
              Math.max(view.minimumGroupSize(), privacy.minimumGroupSize()),
              view.pairedEffectSize(),
              List.of(),
              view.mailFaculty(),
              view.usingDefaults()),
          "summary",
          AlertRuleSummary.sentences(settings, settings.effectiveRule(privacy.minimumGroupSize())));
    }
  }

  @POST
  @Path("{id: [0-9]+}/acknowledge")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response acknowledge(@PathParam("id") long id, @FormParam("back") String back)
      throws SQLException {
    LaunchedUser user = CurrentUser.faculty(request);
    try (Connection c = dataSource.getConnection()) {
      StoredAlert alert = owned(c, user, id);
      if (!AlertRepository.acknowledge(c, user.registrationId(), id, who(user), Instant.now())) {
        throw conflict();
      }
      return back(alert, back, "acknowledged");
    }
  }

  @POST
  @Path("{id: [0-9]+}/resolve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response resolve(
      @PathParam("id") long id, @FormParam("note") String note, @FormParam("back") String back)
      throws SQLException {
    LaunchedUser user = CurrentUser.faculty(request);
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw new BadRequestException(NOTE_NEEDED);
    }
    if (text.length() > 2000) {
      throw new BadRequestException("Please keep the note under 2,000 characters.");
    }
    try (Connection c = dataSource.getConnection()) {
      StoredAlert alert = owned(c, user, id);
      if (!AlertRepository.resolve(c, user.registrationId(), id, who(user), text, Instant.now())) {
        throw conflict();
      }
      return back(alert, back, "resolved");
    }
  }

  private static StoredAlert owned(Connection c, LaunchedUser user, long id) throws SQLException {
    return AlertRepository.find(c, user.registrationId(), id)
        .orElseThrow(() -> new NotFoundException("There is no such alert for your institution."));
  }

  private static ClientErrorException conflict() {
    return new ClientErrorException(NOT_OPEN, Response.Status.CONFLICT);
  }

  private Response back(StoredAlert alert, String back, String done) {
    String s = URLEncoder.encode(CurrentUser.token(request), StandardCharsets.UTF_8);
    String target =
        "cohort".equals(back)
            ? "/app/faculty/cohorts?s="
                + s
                + "&cohort="
                + alert.cohortId()
                + "&instrument="
                + URLEncoder.encode(alert.instrumentId(), StandardCharsets.UTF_8)
                + "&done="
                + done
                + "#alert-"
                + alert.id()
            : "/app/faculty/alerts?s=" + s + "&done=" + done + "#alert-" + alert.id();
    return Response.seeOther(URI.create(target)).build();
  }

  static String who(LaunchedUser user) {
    String name = user.name() == null || user.name().isBlank() ? "" : user.name().strip();
    return (name.isEmpty() ? "Faculty member" : name) + " (Rapport user " + user.learnerId() + ")";
  }

  /** The confirmation shown after a form, from the {@code done} parameter. */
  public static String doneMessage(String done) {
    if ("acknowledged".equals(done)) {
      return "Thank you: the alert is marked as acknowledged.";
    }
    if ("resolved".equals(done)) {
      return "Thank you: the alert is resolved and your note is saved.";
    }
    return null;
  }
}
