package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.lti.security.Caller;
import org.rapport.lti.security.CallerRequest;
import org.rapport.lti.security.Roles;

/** How an API token or admin session makes an administrator caller. */
class AdministratorAuthenticatorTest {
  private final List<String> lookUps = new ArrayList<>();
  private final Map<String, Object> attributes = new HashMap<>();
  private final AdminAccess access =
      new AdminAccess(
          token -> {
            lookUps.add("token " + token);
            return Optional.ofNullable(Map.of("rpt_live", "script-admin").get(token));
          },
          cookie -> {
            lookUps.add("session " + cookie);
            return Optional.ofNullable(
                Map.of("live", new AdminSessions.Active(3, "dean", "csrf-3")).get(cookie));
          });

  @Test
  void withoutHeaderOrCookieNothingIsLookedUp() {
    assertTrue(authenticate(null, Optional.empty()).isEmpty());
    assertTrue(lookUps.isEmpty(), lookUps.toString());
    assertEquals(
        new AdminAccess.Unauthenticated(AdminAccess.NO_CREDENTIALS, false),
        attributes.get(AdministratorAuthenticator.DECISION));
  }

  @Test
  void aLiveApiTokenMakesAnAdministratorWithoutCsrfToken() {
    Optional<Caller> caller = authenticate("Bearer rpt_live", Optional.of("live"));
    assertEquals(new Caller("script-admin", Set.of(Roles.ADMINISTRATOR)), caller.orElseThrow());
    assertEquals("script-admin", attributes.get(AdministratorAuthenticator.PROPERTY));
    assertEquals(
        new AdminAccess.Admitted("script-admin", Optional.empty()),
        attributes.get(AdministratorAuthenticator.DECISION));
    assertEquals(List.of("token rpt_live"), lookUps, "the cookie is not used with a token");
  }

  @Test
  void aLiveSessionMakesAnAdministratorWhoseCsrfTokenIsKeptForTheOriginCheck() {
    Optional<Caller> caller = authenticate(null, Optional.of("live"));
    assertEquals(new Caller("dean", Set.of(Roles.ADMINISTRATOR)), caller.orElseThrow());
    assertEquals(
        new AdminAccess.Admitted("dean", Optional.of("csrf-3")),
        attributes.get(AdministratorAuthenticator.DECISION));
  }

  @Test
  void aRevokedTokenLeavesTheRequestAnonymousWithAChallengeToSend() {
    assertTrue(authenticate("Bearer rpt_revoked", Optional.empty()).isEmpty());
    assertEquals(
        new AdminAccess.Unauthenticated(AdminAccess.BAD_TOKEN, true),
        attributes.get(AdministratorAuthenticator.DECISION));
    assertTrue(!attributes.containsKey(AdministratorAuthenticator.PROPERTY));
  }

  @Test
  void anEndedSessionIsNoAdministrator() {
    assertTrue(authenticate(null, Optional.of("ended")).isEmpty());
    assertEquals(List.of("session ended"), lookUps);
  }

  private Optional<Caller> authenticate(String authorization, Optional<String> cookie) {
    CallerRequest request =
        new CallerRequest(
            "POST",
            "api/admin/audit",
            null,
            name -> name.equals("Authorization") ? authorization : null,
            Map.of(),
            attributes::put);
    return AdministratorAuthenticator.authenticate(request, cookie, access);
  }
}
