package org.rapport.lti.deeplinking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.rapport.curriculum.modules.Family;
import org.rapport.lti.activities.Activities;
import org.rapport.lti.activities.Activity;
import org.rapport.lti.keys.ToolKeys;
import org.rapport.lti.launch.DeepLinkRequests;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.launch.LtiEndpoints;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.deeplinking.ContentItem;
import org.rapport.lti.protocol.deeplinking.DeepLinkingResponse;

/**
 * An instructor chooses Rapport activities for the LMS in a deep-linking request (Deep Linking 2.0
 * §4.4–§4.5): the choice page of an open request, and the signed answer with the chosen activities,
 * given once per request.
 */
@ApplicationScoped
public class SelectContent {
  private static final Logger LOG = Logger.getLogger(SelectContent.class.getName());

  @Inject Activities activities;
  @Inject DeepLinkRequests requests;
  @Inject ToolKeys keys;
  @Inject LtiEndpoints endpoints;
  @Inject Clock clock;

  /** What an answer to a request leads to. */
  public sealed interface Answer {}

  /** The request is not open for this person: answered, expired, unknown or someone else's. */
  public record Ended() implements Answer {}

  /** The choice cannot be sent; the page again, saying why. */
  public record Refused(ContentSelectionView page) implements Answer {}

  /** A second submission of a request answered meanwhile. */
  public record AlreadyAnswered() implements Answer {}

  /** The signed answer, to be posted to the LMS by the browser. */
  public record Answered(DeepLinkReturnView page) implements Answer {}

  /**
   * The choice page of {@code user}'s open request {@code id}, filtered by {@code query}; empty
   * when the request is not open for them.
   *
   * @param sessionToken the session token the page's forms carry
   */
  @Transactional
  public Optional<ContentSelectionView> page(
      String id, LaunchedUser user, String query, String sessionToken) {
    return requests
        .find(id, user.registrationId(), user.learnerId())
        .map(open -> selectionPage(open, sessionToken, query, Set.of(), null));
  }

  /**
   * Answers {@code user}'s open request {@code id} with the activities {@code chosen} (keys), or
   * with none when {@code cancel}; links point at Rapport's address {@code base}.
   */
  @Transactional
  public Answer answer(
      String id,
      LaunchedUser user,
      Set<String> chosen,
      boolean cancel,
      String query,
      String sessionToken,
      URI base) {
    Optional<DeepLinkRequests.Open> found =
        requests.find(id, user.registrationId(), user.learnerId());
    if (found.isEmpty()) {
      return new Ended();
    }
    DeepLinkRequests.Open open = found.get();
    DeepLinkingSettings settings = open.request().settings();
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
        items.add(item(activity.get(), open.request().lineItemsIgnored(), base));
      }
      if (problem != null) {
        return new Refused(selectionPage(open, sessionToken, query, chosen, problem));
      }
    }
    String jwt = DeepLinkingResponse.build(open.request(), items, keys.signingKey(), clock);
    if (!requests.answer(open.id())) {
      return new AlreadyAnswered();
    }
    LOG.info(
        () ->
            "Deep-linking response for registration "
                + open.registrationId()
                + ": "
                + items.size()
                + " item(s)");
    return new Answered(
        new DeepLinkReturnView(
            settings.deepLinkReturnUrl().toString(),
            jwt,
            cancel,
            items.stream().map(ContentItem::title).toList()));
  }

  private ContentItem item(Activity activity, boolean lineItemsIgnored, URI base) {
    ContentItem.LineItem lineItem =
        lineItemsIgnored
            ? null
            : new ContentItem.LineItem(
                activity.title(), 1, activity.resourceId(), Activity.COMPLETION_TAG);
    return ContentItem.ltiResourceLink(
        endpoints.at(base).resolve(activity.page()),
        activity.title(),
        activity.summary(),
        lineItem,
        Map.of());
  }

  private ContentSelectionView selectionPage(
      DeepLinkRequests.Open open,
      String sessionToken,
      String query,
      Set<String> checked,
      String error) {
    DeepLinkingSettings settings = open.request().settings();
    List<Activity> shown = Activities.search(activities.all(), query);
    List<ContentSelectionView.Group> groups = new ArrayList<>();
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
    return new ContentSelectionView(
        open.id(),
        sessionToken,
        query == null ? "" : query,
        groups,
        shown.size(),
        activities.all().size(),
        settings.acceptMultiple(),
        !open.request().lineItemsIgnored(),
        acceptsLinks(settings),
        error);
  }

  private static void group(
      List<ContentSelectionView.Group> groups,
      String id,
      String label,
      String hint,
      List<Activity> shown,
      Family family,
      Set<String> checked) {
    List<ContentSelectionView.Choice> items = new ArrayList<>();
    for (Activity activity : shown) {
      if (activity.family() == family) {
        items.add(
            new ContentSelectionView.Choice(
                activity.key(),
                activity.title(),
                activity.summary(),
                activity.minutes(),
                checked.contains(activity.key()),
                (activity.title() + " " + activity.summary() + " " + label)
                    .toLowerCase(Locale.ROOT)));
      }
    }
    if (!items.isEmpty()) {
      groups.add(new ContentSelectionView.Group(id, label, hint, items));
    }
  }

  private static boolean acceptsLinks(DeepLinkingSettings settings) {
    return settings.acceptTypes().contains(ContentItem.LTI_RESOURCE_LINK);
  }
}
