package org.rapport.lti.dashboard;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.alerts.AlertCards;
import org.rapport.lti.alerts.AlertEvaluation;
import org.rapport.lti.alerts.AlertInboxResource;
import org.rapport.lti.alerts.AlertRepository;
import org.rapport.lti.alerts.AlertRuleSummary;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.alerts.StoredAlert;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.dashboard.DashboardData.Analysis;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.web.Pages;

/**
 * The cohort dashboard of the launched user's institution, and its CSV export. Faculty only
 * (students get 403); only the tenant of the launch is ever read.
 */
@Path("app/faculty/cohorts")
@Launched
public class DashboardResource {
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
  public String page(
      @QueryParam("cohort") Long cohortId,
      @QueryParam("instrument") String instrument,
      @QueryParam("done") String done)
      throws SQLException {
    LaunchedUser user = CurrentUser.faculty(request);
    evaluation.seen(uri.getBaseUri());
    String token = CurrentUser.token(request);
    AlertVocabulary words = evaluation.vocabulary();
    Map<String, Object> v = new HashMap<>();
    v.put("s", token);
    v.put("done", AlertInboxResource.doneMessage(done));
    try (Connection c = dataSource.getConnection()) {
      Analysis a = analyse(c, user.registrationId(), cohortId, instrument, false);
      v.put("rule", AlertRuleSummary.sentences(a.settings(), a.rule()));
      v.put("minimumGroupSize", a.rule().minimumGroupSize());
      List<Map<String, Object>> cohorts = new ArrayList<>();
      for (CohortInfo ci : a.cohorts()) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", ci.id());
        m.put("label", ci.label());
        m.put("year", ci.matriculationYear());
        m.put("current", a.focus() != null && a.focus().id() == ci.id());
        cohorts.add(m);
      }
      v.put("cohorts", cohorts);
      v.put("hasCohorts", !cohorts.isEmpty());
      if (a.focus() != null) {
        v.put("cohortId", a.focus().id());
        v.put("cohortLabel", a.focus().label());
        v.put("year", a.focus().matriculationYear());
      }
      if (a.instrument() != null) {
        v.put("instrument", a.instrument());
        v.put("instrumentTitle", words.instrumentTitle(a.instrument()));
        v.put("instrumentParam", URLEncoder.encode(a.instrument(), StandardCharsets.UTF_8));
        List<Map<String, Object>> instruments = new ArrayList<>();
        for (String i : a.instruments()) {
          instruments.add(
              Map.of(
                  "id",
                  URLEncoder.encode(i, StandardCharsets.UTF_8),
                  "title",
                  words.instrumentTitle(i),
                  "current",
                  i.equals(a.instrument())));
        }
        v.put("instruments", instruments);
        v.put("manyInstruments", instruments.size() > 1);
      }
      boolean hasData =
          a.focus() != null
              && a.report() != null
              && a.report().summaries().stream().anyMatch(s -> s.cohort().equals(a.focus().key()));
      v.put("hasData", hasData);
      if (hasData) {
        v.putAll(
            CohortDashboard.values(a.report(), a.observations(), a.instrument(), a.focus(), words));
        if (a.earlierAsOf() != null) {
          v.put(
              "earlierAsOf",
              java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                  .withZone(java.time.ZoneOffset.UTC)
                  .format(a.earlierAsOf()));
        }
      }
      if (a.focus() != null) {
        List<StoredAlert> alerts =
            AlertRepository.list(c, user.registrationId(), a.focus().id()).stream()
                .filter(al -> a.instrument() == null || al.instrumentId().equals(a.instrument()))
                .toList();
        v.put("alerts", AlertCards.of(alerts, words, token, "cohort"));
        v.put("hasAlerts", !alerts.isEmpty());
      }
      return pages.render("faculty-cohorts", "Cohort trends and alerts", v);
    }
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  @Operation(hidden = true)
  public Response export(@QueryParam("instrument") String instrument) throws SQLException {
    LaunchedUser user = CurrentUser.faculty(request);
    try (Connection c = dataSource.getConnection()) {
      Analysis a = analyse(c, user.registrationId(), null, instrument, true);
      String csv =
          a.report() == null
              ? AggregateCsv.HEADER
              : AggregateCsv.write(a.report(), a.observations(), a.instrument(), null);
      String name =
          "rapport-cohorts-" + (a.instrument() == null ? "none" : a.instrument()) + ".csv";
      return Response.ok(csv, new MediaType("text", "csv", "utf-8"))
          .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
          .header("Cache-Control", "no-store")
          .build();
    }
  }

  private Analysis analyse(
      Connection c, long registrationId, Long cohortId, String instrument, boolean everyCohort)
      throws SQLException {
    return DashboardData.load(
        c, registrationId, cohortId, instrument, everyCohort, privacy.minimumGroupSize());
  }
}
