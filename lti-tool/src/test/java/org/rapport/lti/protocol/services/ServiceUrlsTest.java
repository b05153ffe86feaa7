package org.rapport.lti.protocol.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.ags.AgsClient;

class ServiceUrlsTest {

  @Test
  void scoresAreInsertedBeforeTheQueryString() {
    assertEquals(
        URI.create("https://lms.example.edu/api/lti/courses/1/line_items/5/scores?type_id=9"),
        AgsClient.scoresUrl(
            URI.create("https://lms.example.edu/api/lti/courses/1/line_items/5?type_id=9")));
    assertEquals(
        URI.create("https://lms.example.edu/li/5/scores"),
        AgsClient.scoresUrl(URI.create("https://lms.example.edu/li/5/")));
  }

  @Test
  void queryParametersAreAddedToThePlatformsOwn() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("resource_link_id", "a b&c");
    q.put("tag", null);
    assertEquals(
        URI.create("https://lms.example.edu/li?x=1&resource_link_id=a%20b%26c"),
        ServiceUrls.withQuery(URI.create("https://lms.example.edu/li?x=1"), q));
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", now));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetryAfter.parse("Tue, 01 Jan 2030 00:01:30 GMT", now));
    assertEquals(
        Optional.of(Duration.ZERO), RetryAfter.parse("Mon, 31 Dec 2029 23:00:00 GMT", now));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
    assertEquals(Optional.empty(), RetryAfter.parse(null, now));
  }

  @Test
  void findsTheNextLinkAmongOthers() {
    URI page = URI.create("https://lms.example.edu/m?page=1");
    assertEquals(
        Optional.of(URI.create("https://lms.example.edu/m?page=2")),
        LinkHeader.next(
            List.of(
                "<https://lms.example.edu/m?page=1>; rel=\"first\","
                    + " <https://lms.example.edu/m?page=2>; rel=\"next\""),
            page));
    assertEquals(
        Optional.of(URI.create("https://lms.example.edu/m?page=3")),
        LinkHeader.next(List.of("</m?page=3>; rel=next"), page),
        "relative, unquoted");
    assertEquals(
        Optional.empty(),
        LinkHeader.next(List.of("<https://lms.example.edu/m?page=9>; rel=\"last\""), page));
    assertTrue(LinkHeader.sameOrigin(page, URI.create("https://LMS.example.edu:443/x")));
    assertFalse(LinkHeader.sameOrigin(page, URI.create("https://evil.example.com/m?page=2")));
  }

  @Test
  void statusesAreClassified() {
    assertFalse(ServiceCallFailed.answer("x", 503, Optional.empty(), "").permanent());
    assertFalse(ServiceCallFailed.answer("x", 429, Optional.empty(), "").permanent());
    assertFalse(ServiceCallFailed.answer("x", 408, Optional.empty(), "").permanent());
    assertTrue(ServiceCallFailed.answer("x", 400, Optional.empty(), "").permanent());
    assertTrue(ServiceCallFailed.answer("x", 404, Optional.empty(), "").permanent());
    assertTrue(ServiceCallFailed.answer("x", 422, Optional.empty(), "").permanent());
  }

  @Test
  void credentialsEchoedByAPlatformNeverReachTheReason() {
    String reason =
        ServiceCallFailed.answer(
                "The LMS token endpoint",
                400,
                Optional.empty(),
                "bad assertion eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl with Bearer abc.def")
            .reason();
    assertFalse(reason.contains("eyJ"), reason);
    assertFalse(reason.contains("abc.def"), reason);
    assertTrue(reason.contains("[JWT removed]"), reason);
  }
}
