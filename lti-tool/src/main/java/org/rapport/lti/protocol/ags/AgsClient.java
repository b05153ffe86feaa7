package org.rapport.lti.protocol.ags;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.protocol.services.LinkHeader;
import org.rapport.lti.protocol.services.ServiceCallFailed;
import org.rapport.lti.protocol.services.ServiceClient;
import org.rapport.lti.protocol.services.ServiceHttp;
import org.rapport.lti.protocol.services.ServiceUrls;
import org.rapport.lti.protocol.services.TokenRequest;

/**
 * Assignment and Grade Services 2.0 calls: find line items of a resource link (§3.2.4 query
 * parameters {@code resource_link_id}, {@code resource_id}, {@code tag}; paged by {@code Link:
 * rel="next"}), create one (§3.2.5, POST to the line-items URL), publish a score (§3.4, POST to
 * {@code {lineitem}/scores}, the path segment inserted before any query string), and read one
 * user's result (§3.3, GET {@code {lineitem}/results?user_id=...}).
 */
public final class AgsClient {
  public static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
  public static final String LINE_ITEM_CONTAINER =
      "application/vnd.ims.lis.v2.lineitemcontainer+json";
  public static final String SCORE = "application/vnd.ims.lis.v1.score+json";
  public static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";
  static final int MAX_PAGES = 50;

  private final ServiceClient client;

  public AgsClient(ServiceClient client) {
    this.client = client;
  }

  /**
   * The line items of {@code resourceLinkId} with the given resource id and tag (filtered here too,
   * strictly, since platforms may ignore the query parameters).
   */
  public List<LineItem> find(
      TokenRequest scopes, URI lineItems, String resourceLinkId, String resourceId, String tag) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("resource_link_id", resourceLinkId);
    query.put("resource_id", resourceId);
    query.put("tag", tag);
    URI page = ServiceUrls.withQuery(lineItems, query);
    List<LineItem> found = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    for (int pages = 0; page != null && pages < MAX_PAGES && seen.add(page); pages++) {
      URI url = page;
      ServiceHttp.Answer answer =
          client.get(scopes, url, LINE_ITEM_CONTAINER, "The LMS line-item service");
      for (Object item : array(answer.body(), "The LMS line-item service")) {
        if (item instanceof Map<?, ?> json) {
          LineItem lineItem = LineItem.fromJson(json);
          if (lineItem.id() != null
              && matches(lineItem.resourceLinkId(), resourceLinkId)
              && matches(lineItem.resourceId(), resourceId)
              && matches(lineItem.tag(), tag)) {
            found.add(lineItem);
          }
        }
      }
      Optional<URI> next = LinkHeader.next(answer.header("Link"), url);
      page = next.filter(n -> LinkHeader.sameOrigin(lineItems, n)).orElse(null);
    }
    return found;
  }

  /** Creates the line item; answers it with the id the platform gave it. */
  public LineItem create(TokenRequest scopes, URI lineItems, LineItem item) {
    String body = JSONObjectUtils.toJSONString(item.toJson());
    ServiceHttp.Answer answer =
        client.call(
            scopes,
            token ->
                ServiceHttp.request(lineItems)
                    .header("Authorization", token.authorization())
                    .header("Content-Type", LINE_ITEM)
                    .header("Accept", LINE_ITEM)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
            "The LMS line-item service");
    try {
      LineItem created = LineItem.fromJson(JSONObjectUtils.parse(answer.body()));
      if (created.id() == null) {
        throw ServiceCallFailed.permanent(
            "The LMS created a line item but did not say its id (URL)");
      }
      return created;
    } catch (ParseException | IllegalArgumentException e) {
      throw ServiceCallFailed.permanent(
          "The LMS answered the line-item creation with no JSON object");
    }
  }

  /** Publishes the score to the line item; answers the platform's (2xx) status. */
  public int publish(TokenRequest scopes, URI lineItem, Score score) {
    URI scores = scoresUrl(lineItem);
    String body = JSONObjectUtils.toJSONString(score.toJson());
    return client
        .call(
            scopes,
            token ->
                ServiceHttp.request(scores)
                    .header("Authorization", token.authorization())
                    .header("Content-Type", SCORE)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
            "The LMS score service")
        .status();
  }

  /**
   * The user's result in the line item, as the platform holds it now; empty when it has none. Only
   * the first page is read: with {@code user_id} a platform answers at most one result.
   */
  public Optional<GradebookResult> result(TokenRequest scopes, URI lineItem, String userId) {
    URI url =
        ServiceUrls.withQuery(
            ServiceUrls.appendPath(lineItem, "results"), Map.of("user_id", userId));
    ServiceHttp.Answer answer = client.get(scopes, url, RESULT_CONTAINER, "The LMS result service");
    return array(answer.body(), "The LMS result service").stream()
        .filter(Map.class::isInstance)
        .map(json -> GradebookResult.fromJson((Map<?, ?>) json))
        .filter(result -> result != null && result.userId().equals(userId))
        .findFirst();
  }

  /** {@code {lineitem}/scores}, the segment inserted before any query string (AGS 2.0 §3.4). */
  public static URI scoresUrl(URI lineItem) {
    return ServiceUrls.appendPath(lineItem, "scores");
  }

  /** Strict: a platform that ignores the query must not make another activity's column match. */
  private static boolean matches(String actual, String wanted) {
    return wanted == null || wanted.equals(actual);
  }

  private static List<Object> array(String body, String what) {
    try {
      return JSONArrayUtils.parse(body);
    } catch (ParseException e) {
      throw ServiceCallFailed.permanent(what + " answered something that is not a JSON array");
    }
  }
}
