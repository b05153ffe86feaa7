package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who the admin gate lets through, and why it refuses the rest. */
class AdminAccessTest {
  private static final URI OWN = URI.create("https://rapport.example.edu");
  private static final String TOKEN = "rpt_live-token";
  private static final String COOKIE = "live-session-cookie";
  private static final String CSRF = "csrf-of-the-session";

  private final List<String> csrfReads = new ArrayList<>();
  private final AdminAccess access =
      new AdminAccess(
          token -> Optional.ofNullable(Map.of(TOKEN, "script-admin").get(token)),
          cookie ->
              Optional.ofNullable(
                  Map.of(COOKIE, new AdminSessions.Active(7, "dean", CSRF)).get(cookie)));

  @Test
  void aLiveApiTokenIsLetThroughWithoutOriginOrCsrfChecks() {
    AdminAccess.Decision decision =
        access.decide(request("POST", "Bearer " + TOKEN, null, null, null, null));
    assertEquals(new AdminAccess.Admitted("script-admin", Optional.empty()), decision);
    assertTrue(csrfReads.isEmpty(), "a script's body is not read for a CSRF token");
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveAndTheTokenTrimmed() {
    assertEquals(
        new AdminAccess.Admitted("script-admin", Optional.empty()),
        access.decide(request("GET", "bearer   " + TOKEN + " ", null, null, null, null)));
  }

  @Test
  void anUnknownOrRevokedApiTokenIsRefusedWithAChallengeEvenWithALiveSession() {
    assertEquals(
        new AdminAccess.Unauthenticated(AdminAccess.BAD_TOKEN, true),
        access.decide(request("GET", "Bearer rpt_revoked", COOKIE, null, null, null)));
  }

  @Test
  void httpBasicIsRefusedWhateverItsCredentials() {
    assertEquals(
        new AdminAccess.Unauthenticated(AdminAccess.BASIC_REFUSED, true),
        access.decide(request("GET", "Basic ZGVhbjpwYXNzd29yZA==", COOKIE, null, null, null)));
    assertEquals(
        new AdminAccess.Unauthenticated(AdminAccess.OTHER_SCHEME, true),
        access.decide(request("GET", "Digest username=dean", null, null, null, null)));
  }

  @Test
  void noCredentialsOrADeadSessionAsksToSignIn() {
    AdminAccess.Unauthenticated signIn =
        new AdminAccess.Unauthenticated(AdminAccess.NO_CREDENTIALS, false);
    assertEquals(signIn, access.decide(request("GET", null, null, null, null, null)));
    assertEquals(signIn, access.decide(request("GET", null, "expired-cookie", null, null, null)));
  }

  @Test
  void aSessionReadsPagesWithoutOriginChecksAndHandsOnItsCsrfToken() {
    for (String method : List.of("GET", "HEAD", "OPTIONS")) {
      assertEquals(
          new AdminAccess.Admitted("dean", Optional.of(CSRF)),
          access.decide(request(method, null, COOKIE, null, "cross-site", null)),
          method);
    }
    assertTrue(csrfReads.isEmpty());
  }

  @Test
  void aSessionChangesStateFromItsOwnPagesWithItsCsrfToken() {
    assertEquals(
        new AdminAccess.Admitted("dean", Optional.of(CSRF)),
        access.decide(request("POST", null, COOKIE, OWN.toString(), "same-origin", CSRF)));
    assertEquals(
        new AdminAccess.Admitted("dean", Optional.of(CSRF)),
        access.decide(request("DELETE", null, COOKIE, null, "same-origin", CSRF)),
        "Sec-Fetch-Site same-origin without an Origin header");
  }

  @Test
  void aStateChangeFromAnotherSiteIsRefusedBeforeTheBodyIsRead() {
    assertRefused(
        SameOrigin.Refusal.FOREIGN_ORIGIN,
        request("POST", null, COOKIE, "https://lms.example.edu", null, CSRF));
    assertRefused(
        SameOrigin.Refusal.CROSS_SITE_FETCH,
        request("POST", null, COOKIE, OWN.toString(), "same-site", CSRF));
    assertRefused(SameOrigin.Refusal.NO_ORIGIN, request("PUT", null, COOKIE, null, null, CSRF));
    assertTrue(csrfReads.isEmpty(), "the origin decides first");
  }

  @Test
  void aStateChangeWithoutTheSessionsCsrfTokenIsRefused() {
    assertRefused(
        SameOrigin.Refusal.NO_CSRF_TOKEN,
        request("POST", null, COOKIE, OWN.toString(), "same-origin", null));
    assertRefused(
        SameOrigin.Refusal.WRONG_CSRF_TOKEN,
        request("POST", null, COOKIE, OWN.toString(), "same-origin", "csrf-of-another-session"));
    assertEquals(2, csrfReads.size());
  }

  private void assertRefused(SameOrigin.Refusal expected, AdminAccess.Request request) {
    AdminAccess.Decision decision = access.decide(request);
    assertEquals(new AdminAccess.Refused(expected, CSRF), decision);
    assertFalse(decision instanceof AdminAccess.Admitted);
  }

  private AdminAccess.Request request(
      String method,
      String authorization,
      String cookie,
      String origin,
      String fetchSite,
      String csrf) {
    return new AdminAccess.Request(
        method,
        authorization,
        Optional.ofNullable(cookie),
        origin,
        fetchSite,
        OWN,
        () -> {
          csrfReads.add(method);
          return Optional.ofNullable(csrf);
        });
  }
}
