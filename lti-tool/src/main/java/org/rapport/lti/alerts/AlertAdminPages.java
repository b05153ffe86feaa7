package org.rapport.lti.alerts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.mail.OutboxEntryView;
import org.rapport.lti.registration.TenantDirectory;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.FieldProblems;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;
import org.rapport.lti.web.Pages;

/**
 * The administrators' alert pages: per tenant its alert rule and recipients (change, evaluate now)
 * and its alert mail (queued, sent, given up on; resend what was given up on). Every action goes
 * through {@link AlertAdministration}, as the JSON API's do.
 */
@Path("admin/alerts")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class AlertAdminPages {
  private static final List<String> THRESHOLDS = List.of("-0.2", "-0.3", "-0.5", "-0.8");
  private static final List<String> LEVELS = List.of("0.9", "0.95", "0.99");
  private static final Set<String> FIELDS =
      Set.of(
          "comparisons",
          "minimumN",
          "minimumGroupSize",
          "effectSizeThreshold",
          "confidenceLevel",
          "pairedEffectSize",
          "measures",
          "recipients");

  @Inject Pages pages;
  @Inject AlertAdministration administration;
  @Inject AlertEvaluation evaluation;
  @Inject TenantDirectory registrations;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public String tenants() {
    return pages.render(
        "admin-alert-tenants",
        "Alerts",
        new AlertTenantsPage(
            registrations.all().stream()
                .map(r -> new AlertTenantsPage.Tenant(r.id(), r.name()))
                .toList()));
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(hidden = true)
  public Response rule(@PathParam("id") long id) {
    AlertAdministration.Rule rule = administration.rule(id);
    return rulePage(
        id, 200, null, FieldProblems.none(), rule, form(rule.rule(), FieldProblems.none()));
  }

  @POST
  @Path("{id: [0-9]+}/rule")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response changeRule(@PathParam("id") long id, MultivaluedMap<String, String> form) {
    List<String> parsing = new ArrayList<>();
    Integer minimumN = whole(form.getFirst("minimumN"), "minimumN", parsing);
    Integer groupSize = whole(form.getFirst("minimumGroupSize"), "minimumGroupSize", parsing);
    Double threshold =
        decimal(form.getFirst("effectSizeThreshold"), "effectSizeThreshold", parsing);
    Double level = decimal(form.getFirst("confidenceLevel"), "confidenceLevel", parsing);
    List<String> comparisons =
        form.get("comparisons") == null ? List.of() : form.get("comparisons");
    AlertRuleView typed =
        new AlertRuleView(
            comparisons,
            minimumN,
            threshold,
            level,
            split(form.getFirst("measures"), "[,\\s]+"),
            groupSize,
            blankToNull(form.getFirst("pairedEffectSize")),
            split(form.getFirst("recipients"), "[\\s,;]+"),
            "on".equals(form.getFirst("mailFaculty")),
            null,
            "on".equals(form.getFirst("validatedOnly")));
    FieldProblems problems = new FieldProblems(parsing);
    if (parsing.isEmpty()) {
      try {
        AlertAdministration.Rule saved =
            administration.changeRule(id, typed, CurrentAdmin.of(request));
        return rulePage(
            id,
            200,
            "Alert rule saved. The next evaluation uses it.",
            FieldProblems.none(),
            saved,
            form(saved.rule(), FieldProblems.none()));
      } catch (InvalidRequestException refused) {
        problems = new FieldProblems(refused.problems());
      }
    }
    AlertAdministration.Rule current = administration.rule(id);
    return rulePage(id, 400, null, problems, current, typedForm(form, problems));
  }

  @POST
  @Path("{id: [0-9]+}/evaluate")
  @Operation(hidden = true)
  public Response evaluate(@PathParam("id") long id) {
    evaluation.seen(uri.getBaseUri());
    TenantEvaluation.Result result = administration.evaluate(id);
    AlertAdministration.Rule rule = administration.rule(id);
    return rulePage(
        id,
        200,
        "Evaluated now: "
            + result.cohorts()
            + " cohort(s), "
            + result.findings()
            + " finding(s), "
            + result.raised()
            + " new alert(s).",
        FieldProblems.none(),
        rule,
        form(rule.rule(), FieldProblems.none()));
  }

  @GET
  @Path("{id: [0-9]+}/mail")
  @Operation(hidden = true)
  public Response mail(@PathParam("id") long id) {
    return mailPage(id, 200, null, List.of());
  }

  @POST
  @Path("{id: [0-9]+}/mail/{mailId: [0-9]+}/resend")
  @Operation(hidden = true)
  public Response resend(@PathParam("id") long id, @PathParam("mailId") long mailId) {
    try {
      administration.resendMail(id, mailId);
    } catch (ConflictException conflict) {
      return mailPage(id, 409, null, conflict.problems());
    }
    return mailPage(
        id, 200, "Mail " + mailId + " is queued again and goes out shortly.", List.of());
  }

  private Response mailPage(long id, int status, String notice, List<String> problems) {
    List<OutboxEntryView> all = administration.mail(id);
    AlertMailPage page =
        new AlertMailPage(
            id,
            tenantName(id),
            notice,
            problems,
            all.stream().filter(m -> m.sentAt() == null && m.deadAt() == null).toList(),
            all.stream().filter(m -> m.sentAt() != null).toList(),
            all.stream().filter(m -> m.sentAt() == null && m.deadAt() != null).toList());
    return html(status, pages.render("admin-alert-mail", "Alert mail: " + page.tenantName(), page));
  }

  private Response rulePage(
      long id,
      int status,
      String notice,
      FieldProblems problems,
      AlertAdministration.Rule rule,
      AlertRulePage.Form form) {
    String last;
    try {
      LastEvaluation evaluated = administration.lastEvaluation(id);
      last = evaluated.evaluatedAt() + " (" + evaluated.reason() + ")";
    } catch (MissingException notYet) {
      last = null;
    }
    AlertRulePage page =
        new AlertRulePage(
            id, tenantName(id), notice, problems.others(FIELDS), rule.summary(), last, form);
    return html(status, pages.render("admin-alert-rule", "Alert rule: " + page.tenantName(), page));
  }

  private static AlertRulePage.Form form(AlertRuleView rule, FieldProblems problems) {
    return new AlertRulePage.Form(
        comparisonChoices(rule.comparisons()),
        problems.of("comparisons"),
        String.valueOf(rule.minimumN()),
        problems.of("minimumN"),
        String.valueOf(rule.minimumGroupSize()),
        problems.of("minimumGroupSize"),
        choices(THRESHOLDS, number(rule.effectSizeThreshold())),
        problems.of("effectSizeThreshold"),
        choices(LEVELS, number(rule.confidenceLevel())),
        problems.of("confidenceLevel"),
        pairedChoices(rule.pairedEffectSize()),
        problems.of("pairedEffectSize"),
        String.join(", ", rule.measures()),
        problems.of("measures"),
        Boolean.TRUE.equals(rule.validatedOnly()),
        Boolean.TRUE.equals(rule.mailFaculty()),
        String.join("\n", rule.recipients()),
        problems.of("recipients"));
  }

  private static AlertRulePage.Form typedForm(
      MultivaluedMap<String, String> form, FieldProblems problems) {
    return new AlertRulePage.Form(
        comparisonChoices(form.get("comparisons") == null ? List.of() : form.get("comparisons")),
        problems.of("comparisons"),
        nz(form.getFirst("minimumN")),
        problems.of("minimumN"),
        nz(form.getFirst("minimumGroupSize")),
        problems.of("minimumGroupSize"),
        choices(THRESHOLDS, nz(form.getFirst("effectSizeThreshold"))),
        problems.of("effectSizeThreshold"),
        choices(LEVELS, nz(form.getFirst("confidenceLevel"))),
        problems.of("confidenceLevel"),
        pairedChoices(nz(form.getFirst("pairedEffectSize"))),
        problems.of("pairedEffectSize"),
        nz(form.getFirst("measures")),
        problems.of("measures"),
        "on".equals(form.getFirst("validatedOnly")),
        "on".equals(form.getFirst("mailFaculty")),
        nz(form.getFirst("recipients")),
        problems.of("recipients"));
  }

  private static List<AlertRulePage.Choice> comparisonChoices(List<String> on) {
    List<AlertRulePage.Choice> choices = new ArrayList<>();
    for (ComparisonKind kind : ComparisonKind.values()) {
      choices.add(new AlertRulePage.Choice(kind.name(), kind.sentence(), on.contains(kind.name())));
    }
    return choices;
  }

  private static List<AlertRulePage.Choice> pairedChoices(String selected) {
    return List.of(
        new AlertRulePage.Choice(
            "D_AV",
            "d_av: the change over the average of both waves' spread",
            "D_AV".equals(selected)),
        new AlertRulePage.Choice(
            "D_Z",
            "d_z: the change over the spread of each student's differences",
            "D_Z".equals(selected)));
  }

  /** The usual values, and the current one first when it is none of them. */
  private static List<AlertRulePage.Choice> choices(List<String> usual, String selected) {
    List<AlertRulePage.Choice> choices = new ArrayList<>();
    boolean found = false;
    for (String value : usual) {
      boolean is = same(value, selected);
      found |= is;
      choices.add(new AlertRulePage.Choice(value, value, is));
    }
    if (!found && !selected.isBlank()) {
      choices.add(0, new AlertRulePage.Choice(selected, selected + " (current)", true));
    }
    return choices;
  }

  private static boolean same(String a, String b) {
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  private static String number(Double value) {
    return value == null
        ? ""
        : new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
  }

  private static Integer whole(String value, String field, List<String> problems) {
    String v = value == null ? "" : value.strip();
    if (!v.matches("[0-9]{1,6}")) {
      problems.add(field + ": give a whole number of students, such as 10.");
      return null;
    }
    return Integer.valueOf(v);
  }

  private static Double decimal(String value, String field, List<String> problems) {
    try {
      return Double.valueOf(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      problems.add(field + ": choose one of the values offered.");
      return null;
    }
  }

  private static List<String> split(String value, String separators) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return new ArrayList<>(
        new LinkedHashSet<>(
            Arrays.stream(value.strip().split(separators))
                .filter(s -> !s.isBlank())
                .map(s -> s.strip())
                .toList()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  private String tenantName(long id) {
    return registrations
        .name(id)
        .orElseThrow(() -> new MissingException("There is no registration with id " + id + "."));
  }

  private static Response html(int status, String body) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(body)
        .build();
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
