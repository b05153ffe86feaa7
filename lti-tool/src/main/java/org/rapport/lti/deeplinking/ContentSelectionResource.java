package org.rapport.lti.deeplinking;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.modules.Family;
import org.rapport.lti.activities.Activities;
import org.rapport.lti.activities.Activity;
import org.rapport.lti.keys.ToolKeys;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.DeepLinkRequests;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.launch.LtiEndpoints;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.deeplinking.ContentItem;
import org.rapport.lti.protocol.deeplinking.DeepLinkingResponse;
import org.rapport.lti.web.Pages;

/**
 * The content-selection page of a deep-linking launch (Deep Linking 2.0 §4.4–§4.5). The request's
 * settings stay on the server ({@link DeepLinkRequests}); the page carries only their random id and
 * the session token. Checkboxes when the LMS accepts several items, radio buttons otherwise; a
 * search box filters as one types and, without JavaScript, through the {@code q} parameter. The
 * answer is a page that posts the signed response as form field {@code JWT} to the LMS's {@code
 * deep_link_return_url}.
 */
@Path("app/content-selection")
@Launched
@Produces(MediaType.TEXT_HTML)
public class ContentSelectionResource {
  private static final Logger LOG = Logger.getLogger(ContentSelectionResource.class.getName());

  static final String STUDENTS_REFUSED =
      "Only instructors can add Rapport activities to a course. You opened Rapport from the LMS's"
          + " tool for adding content, which is for course staff; open a Rapport activity from your"
          + " course page instead.";
  static final String NOT_OPEN =
      "This content selection has ended: it was already answered, it is more than an hour old, or"
          + " it belongs to someone else. Start again from the LMS's \"add content\" tool.";

  @Inject Pages pages;
  @Inject Activities activities;
  @Inject DeepLinkRequests requests;
  @Inject ToolKeys keys;
  @Inject LtiEndpoints endpoints;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public Response withoutRequest() {
    faculty();
    return error(400, "No content selection", NOT_OPEN);
  }

  @GET
  @Path("{id: [A-Za-z0-9_-]+}")
  @Operation(hidden = true)
  public Response page(@PathParam("id") String id, @QueryParam("q") String query) {
    LaunchedUser user = faculty();
    Optional<DeepLinkRequests.Open> open =
        requests.find(id, user.registrationId(), user.learnerId());
    if (open.isEmpty()) {
      return error(410, "Content selection ended", NOT_OPEN);
    }
    return Response.ok(selectionPage(open.get(), query, Set.of(), null)).build();
  }

  @POST
  @Path("{id: [A-Za-z0-9_-]+}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response answer(
      @PathParam("id") String id,
      @FormParam("item") List<String> selected,
      @FormParam("action") String action,
      @FormParam("q") String query) {
    LaunchedUser user = faculty();
    Optional<DeepLinkRequests.Open> found =
        requests.find(id, user.registrationId(), user.learnerId());
    if (found.isEmpty()) {
      return error(410, "Content selection ended", NOT_OPEN);
    }
    DeepLinkRequests.Open open = found.get();
    DeepLinkingSettings settings = open.request().settings();
    Set<String> chosen = new LinkedHashSet<>(selected == null ? List.of() : selected);
    boolean cancel = "cancel".equals(action);
    List<ContentItem> items = new ArrayList<>();
    if (!cancel) {
      String problem = null;
      if (chosen.isEmpty()) {
        problem = "Select at least one activity, or choose Cancel.";
      } else if (chosen.size() > 1 && !settings.acceptMultiple()) {
        problem = "This LMS accepts one activity at a time here. Select one.";
      } else if (!acceptsLinks(settings)) {
        problem = "This place in the LMS does not accept LTI links; choose Cancel.";
      }
      for (String key : chosen) {
        Optional<Activity> activity = activities.byKey(key);
        if (activity.isEmpty()) {
          problem = "Rapport has no activity '" + key + "'. Reload the page and select again.";
          break;
        }
        items.add(item(activity.get(), open.request().lineItemsIgnored()));
      }
      if (problem != null) {
        return Response.status(400)
            .entity(selectionPage(open, query, chosen, problem))
            .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
            .build();
      }
    }
    String jwt =
        DeepLinkingResponse.build(open.request(), items, keys.signingKey(), Clock.systemUTC());
    if (!requests.answer(open.id())) {
      return error(409, "Already answered", NOT_OPEN);
    }
    LOG.info(
        () ->
            "Deep-linking response for registration "
                + open.registrationId()
                + ": "
                + items.size()
                + " item(s)");
    Map<String, Object> values = new HashMap<>();
    values.put("returnUrl", settings.deepLinkReturnUrl().toString());
    values.put("jwt", jwt);
    values.put("cancel", cancel);
    values.put("count", items.size());
    values.put("plural", items.size() != 1);
    values.put("titles", items.stream().map(ContentItem::title).toList());
    return Response.ok(pages.render("deep-link-return", "Returning to your LMS", values))
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private ContentItem item(Activity activity, boolean lineItemsIgnored) {
    ContentItem.LineItem lineItem =
        lineItemsIgnored
            ? null
            : new ContentItem.LineItem(
                activity.title(), 1, activity.resourceId(), Activity.COMPLETION_TAG);
    return ContentItem.ltiResourceLink(
        endpoints.at(uri.getBaseUri()).resolve(activity.page()),
        activity.title(),
        activity.summary(),
        lineItem,
        Map.of());
  }

  private String selectionPage(
      DeepLinkRequests.Open open, String query, Set<String> checked, String error) {
    DeepLinkingSettings settings = open.request().settings();
    List<Activity> shown = Activities.search(activities.all(), query);
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Family family : Family.values()) {
      group(groups, family.yamlName(), family.label(), null, shown, family, checked);
    }
    group(
        groups,
        "self-assessment",
        "Self-assessment waves",
        "Students answer the empathy self-assessment once per wave (yearly); each completion is"
            + " reported.",
        shown,
        null,
        checked);
    Map<String, Object> values = new HashMap<>();
    values.put("id", open.id());
    values.put("s", CurrentUser.token(request));
    values.put("q", query == null ? "" : query);
    values.put("groups", groups);
    values.put("shown", shown.size());
    values.put("total", activities.all().size());
    values.put("nothingFound", shown.isEmpty());
    values.put("multiple", settings.acceptMultiple());
    values.put("inputType", settings.acceptMultiple() ? "checkbox" : "radio");
    values.put("lineItems", !open.request().lineItemsIgnored());
    values.put("acceptsLinks", acceptsLinks(settings));
    values.put("error", error);
    return pages.render("content-selection", "Add Rapport activities", values);
  }

  private static void group(
      List<Map<String, Object>> groups,
      String id,
      String label,
      String hint,
      List<Activity> shown,
      Family family,
      Set<String> checked) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Activity activity : shown) {
      if (activity.family() == family) {
        Map<String, Object> item = new HashMap<>();
        item.put("key", activity.key());
        item.put("title", activity.title());
        item.put("summary", activity.summary());
        item.put("minutes", activity.minutes());
        item.put("checked", checked.contains(activity.key()));
        item.put(
            "search",
            (activity.title() + " " + activity.summary() + " " + label).toLowerCase(Locale.ROOT));
        items.add(item);
      }
    }
    if (!items.isEmpty()) {
      Map<String, Object> group = new HashMap<>();
      group.put("id", id);
      group.put("label", label);
      group.put("hint", hint);
      group.put("items", items);
      groups.add(group);
    }
  }

  private static boolean acceptsLinks(DeepLinkingSettings settings) {
    return settings.acceptTypes().contains(ContentItem.LTI_RESOURCE_LINK);
  }

  private LaunchedUser faculty() {
    LaunchedUser user = CurrentUser.of(request);
    if (!user.isFaculty()) {
      LOG.info(
          () ->
              "Deep-linking request refused for a student of registration "
                  + user.registrationId());
      throw new ForbiddenException(STUDENTS_REFUSED);
    }
    return user;
  }

  private Response error(int status, String title, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "error", title, Map.of("status", status, "title", title, "message", message)))
        .build();
  }
}
