package org.rapport.lti.testdata;

import static org.rapport.lti.testdata.LmsHttpServer.body;
import static org.rapport.lti.testdata.LmsHttpServer.query;
import static org.rapport.lti.testdata.LmsHttpServer.respond;
import static org.rapport.lti.testdata.LtiTestPlatform.AGS;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.rapport.lti.testdata.LtiTestPlatform.LineItemRecord;
import org.rapport.lti.testdata.LtiTestPlatform.MemberRecord;
import org.rapport.lti.testdata.LtiTestPlatform.ScoreRecord;

/**
 * The test LMS's gradebook and its AGS endpoints: line items (listed, created), scores (accepted
 * only for active members of the course's roster) and results (each learner's latest accepted
 * score). It can be told to be down for a while, with or without Retry-After, or to answer score
 * posts slowly; whatever Rapport gets wrong goes to the LMS's problem list.
 */
final class LmsGradebook {
  private static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
  private static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  private static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  private static final String RESULTS_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";

  private final Function<String, URI> lineItemsUrl;
  private final LmsTokenEndpoint tokens;
  private final Map<String, List<MemberRecord>> rosters;
  private final List<String> problems;

  private final Map<String, LineItemRecord> lineItems = new ConcurrentHashMap<>();
  private final AtomicInteger lineItemIds = new AtomicInteger();
  private final List<ScoreRecord> scores = new CopyOnWriteArrayList<>();
  private final AtomicInteger scoreAttempts = new AtomicInteger();
  private final AtomicInteger scoresRefused = new AtomicInteger();
  private final AtomicInteger outageAnswers = new AtomicInteger();
  private final AtomicInteger resultReads = new AtomicInteger();
  private volatile Outage outage;
  private volatile Duration scoreDelay = Duration.ZERO;

  /** The platform is answering {@code status} to score and line-item calls until {@code until}. */
  private record Outage(Instant until, int status, String retryAfter) {}

  LmsGradebook(
      Function<String, URI> lineItemsUrl,
      LmsTokenEndpoint tokens,
      Map<String, List<MemberRecord>> rosters,
      List<String> problems) {
    this.lineItemsUrl = lineItemsUrl;
    this.tokens = tokens;
    this.rosters = rosters;
    this.problems = problems;
  }

  void outage(int status, Duration length, String retryAfter) {
    outage = new Outage(Instant.now().plus(length), status, retryAfter);
  }

  void endOutage() {
    outage = null;
  }

  void scoreDelay(Duration delay) {
    scoreDelay = delay;
  }

  /** A new line item of the course. */
  LineItemRecord add(
      String contextId,
      String label,
      double scoreMaximum,
      String resourceLinkId,
      String resourceId,
      String tag) {
    String id = lineItemsUrl.apply(contextId) + "/" + lineItemIds.incrementAndGet();
    LineItemRecord item =
        new LineItemRecord(id, contextId, label, scoreMaximum, resourceLinkId, resourceId, tag);
    lineItems.put(id, item);
    return item;
  }

  List<ScoreRecord> scores() {
    return List.copyOf(scores);
  }

  int scoreAttempts() {
    return scoreAttempts.get();
  }

  int resultReads() {
    return resultReads.get();
  }

  int outageAnswers() {
    return outageAnswers.get();
  }

  int scoresRefused() {
    return scoresRefused.get();
  }

  List<LineItemRecord> lineItems() {
    return List.copyOf(lineItems.values());
  }

  void acceptScore(String lineItemId, String userId, String timestamp) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", userId);
    json.put("scoreGiven", 1.0);
    json.put("scoreMaximum", 1.0);
    json.put("activityProgress", "Completed");
    json.put("gradingProgress", "FullyGraded");
    json.put("timestamp", timestamp);
    scores.add(new ScoreRecord(lineItemId, userId, timestamp, json));
  }

  /**
   * A request under {@code /ags/{contextId}/lineitems}: {@code number} names a line item, {@code
   * part} is {@code /scores}, {@code /results} or null.
   */
  void handle(HttpExchange exchange, String contextId, String number, String part)
      throws IOException {
    String method = exchange.getRequestMethod();
    String lineItem = lineItemsUrl.apply(contextId) + "/" + number;
    if ("/scores".equals(part) && method.equals("POST")) {
      score(exchange, lineItem);
    } else if ("/results".equals(part) && method.equals("GET")) {
      results(exchange, lineItem);
    } else if (number == null && method.equals("GET")) {
      listLineItems(exchange, contextId);
    } else if (number == null && method.equals("POST")) {
      createLineItem(exchange, contextId);
    } else {
      respond(exchange, 405, "text/plain", "Method not allowed");
    }
  }

  private boolean down(HttpExchange exchange) throws IOException {
    Outage current = outage;
    if (current == null || Instant.now().isAfter(current.until())) {
      return false;
    }
    outageAnswers.incrementAndGet();
    if (current.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", current.retryAfter());
    }
    respond(exchange, current.status(), "text/plain", "Temporarily unavailable");
    return true;
  }

  private void listLineItems(HttpExchange exchange, String contextId) throws IOException {
    if (!tokens.authorized(exchange, AGS + "lineitem", AGS + "lineitem.readonly")
        || down(exchange)) {
      return;
    }
    if (!CONTAINER_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      problems.add(
          "Line items listed with Accept " + exchange.getRequestHeaders().getFirst("Accept"));
    }
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    List<Object> found = new ArrayList<>();
    for (LineItemRecord item : lineItems.values()) {
      if (item.contextId().equals(contextId)
          && matches(q.get("resource_link_id"), item.resourceLinkId())
          && matches(q.get("resource_id"), item.resourceId())
          && matches(q.get("tag"), item.tag())) {
        found.add(json(item));
      }
    }
    respond(
        exchange, 200, CONTAINER_TYPE, com.nimbusds.jose.util.JSONArrayUtils.toJSONString(found));
  }

  private void createLineItem(HttpExchange exchange, String contextId) throws IOException {
    if (!tokens.authorized(exchange, AGS + "lineitem") || down(exchange)) {
      return;
    }
    if (!LINE_ITEM_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      problems.add(
          "Line item created with Content-Type "
              + exchange.getRequestHeaders().getFirst("Content-Type"));
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body(exchange));
      double max = ((Number) json.get("scoreMaximum")).doubleValue();
      if (!(max > 0) || !(json.get("label") instanceof String)) {
        problems.add("Line item without label or positive scoreMaximum: " + json);
        respond(exchange, 400, "application/json", "{\"error\":\"bad line item\"}");
        return;
      }
      LineItemRecord item =
          add(
              contextId,
              (String) json.get("label"),
              max,
              (String) json.get("resourceLinkId"),
              (String) json.get("resourceId"),
              (String) json.get("tag"));
      respond(exchange, 201, LINE_ITEM_TYPE, JSONObjectUtils.toJSONString(json(item)));
    } catch (java.text.ParseException | ClassCastException | NullPointerException e) {
      problems.add("Unreadable line item: " + e);
      respond(exchange, 400, "application/json", "{\"error\":\"unreadable\"}");
    }
  }

  private void score(HttpExchange exchange, String lineItemId) throws IOException {
    scoreAttempts.incrementAndGet();
    if (!tokens.authorized(exchange, AGS + "score") || down(exchange)) {
      return;
    }
    if (!scoreDelay.isZero()) {
      // Part of the scenario: an LMS slow to answer a score post, not a wait for something.
      try {
        Thread.sleep(scoreDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LineItemRecord item = lineItems.get(lineItemId);
    if (item == null) {
      respond(exchange, 404, "application/json", "{\"error\":\"no such line item\"}");
      return;
    }
    if (!SCORE_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      problems.add(
          "Score posted with Content-Type "
              + exchange.getRequestHeaders().getFirst("Content-Type"));
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body(exchange));
      String userId = (String) json.get("userId");
      String timestamp = (String) json.get("timestamp");
      if (userId == null || timestamp == null) {
        problems.add("Score without userId or timestamp: " + json);
      }
      Instant.parse(timestamp.replace("+00:00", "Z"));
      boolean completion =
          ((Number) json.get("scoreGiven")).doubleValue() == 1
              && ((Number) json.get("scoreMaximum")).doubleValue() == 1
              && "Completed".equals(json.get("activityProgress"))
              && "FullyGraded".equals(json.get("gradingProgress"));
      if (!completion) {
        problems.add("Score is not a completion: " + json);
      }
      List<MemberRecord> roster = rosters.get(item.contextId());
      boolean member =
          roster == null
              || roster.stream()
                  .anyMatch(m -> m.userId().equals(userId) && "Active".equals(m.status()));
      if (!member) {
        scoresRefused.incrementAndGet();
        respond(
            exchange,
            400,
            "application/json",
            "{\"error\":\"User " + userId + " is not an active member of the course\"}");
        return;
      }
      scores.add(new ScoreRecord(lineItemId, userId, timestamp, json));
      respond(exchange, 200, "application/json", "{}");
    } catch (Exception e) {
      problems.add("Unreadable score: " + e);
      respond(exchange, 400, "application/json", "{\"error\":\"unreadable score\"}");
    }
  }

  /** The line item's results: each user's latest accepted score, filtered by {@code user_id}. */
  private void results(HttpExchange exchange, String lineItemId) throws IOException {
    if (!tokens.authorized(exchange, AGS + "result.readonly") || down(exchange)) {
      return;
    }
    resultReads.incrementAndGet();
    if (!RESULTS_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      problems.add("Results read with Accept " + exchange.getRequestHeaders().getFirst("Accept"));
    }
    LineItemRecord item = lineItems.get(lineItemId);
    if (item == null) {
      respond(exchange, 404, "application/json", "{\"error\":\"no such line item\"}");
      return;
    }
    String wanted = query(exchange.getRequestURI().getRawQuery()).get("user_id");
    Map<String, ScoreRecord> latest = new LinkedHashMap<>();
    for (ScoreRecord score : scores) {
      if (score.lineItemId().equals(lineItemId)
          && (wanted == null || wanted.equals(score.userId()))) {
        latest.merge(
            score.userId(),
            score,
            (a, b) ->
                Instant.parse(b.timestamp().replace("+00:00", "Z"))
                        .isBefore(Instant.parse(a.timestamp().replace("+00:00", "Z")))
                    ? a
                    : b);
      }
    }
    List<Object> results = new ArrayList<>();
    for (ScoreRecord score : latest.values()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", lineItemId + "/results/" + score.userId());
      json.put("scoreOf", lineItemId);
      json.put("userId", score.userId());
      Object given = score.json().get("scoreGiven");
      Object max = score.json().get("scoreMaximum");
      if (given instanceof Number g && max instanceof Number m) {
        json.put("resultScore", g.doubleValue() / m.doubleValue() * item.scoreMaximum());
      }
      json.put("resultMaximum", item.scoreMaximum());
      results.add(json);
    }
    respond(
        exchange, 200, RESULTS_TYPE, com.nimbusds.jose.util.JSONArrayUtils.toJSONString(results));
  }

  private static Map<String, Object> json(LineItemRecord item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", item.id());
    json.put("label", item.label());
    json.put("scoreMaximum", item.scoreMaximum());
    if (item.resourceLinkId() != null) {
      json.put("resourceLinkId", item.resourceLinkId());
    }
    if (item.resourceId() != null) {
      json.put("resourceId", item.resourceId());
    }
    if (item.tag() != null) {
      json.put("tag", item.tag());
    }
    return json;
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }
}
