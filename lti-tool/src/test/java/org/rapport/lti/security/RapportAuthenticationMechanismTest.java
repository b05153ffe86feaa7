package org.rapport.lti.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which authenticator the mechanism asks for an endpoint's roles, and what it keeps. */
class RapportAuthenticationMechanismTest {
  private final List<String> asked = new ArrayList<>();

  private final CallerAuthenticator launched =
      authenticator("launched", Set.of(Roles.LAUNCHED_USER, Roles.STUDENT, Roles.FACULTY));
  private final CallerAuthenticator administrators =
      authenticator("administrators", Set.of(Roles.ADMINISTRATOR));

  @Test
  void anEndpointForLaunchedUsersAsksOnlyTheLaunchedUserAuthenticator() {
    Optional<Caller> caller =
        RapportAuthenticationMechanism.identify(
            List.of(administrators, launched), Set.of(Roles.FACULTY), request("token=ok"));
    assertEquals("launched", caller.orElseThrow().name());
    assertEquals(List.of("launched"), asked);
  }

  @Test
  void anAdministratorEndpointNeverLooksAtALaunchSession() {
    Optional<Caller> caller =
        RapportAuthenticationMechanism.identify(
            List.of(launched, administrators), Set.of(Roles.ADMINISTRATOR), request("token=ok"));
    assertEquals("administrators", caller.orElseThrow().name());
    assertEquals(List.of("administrators"), asked);
  }

  @Test
  void credentialsNoAuthenticatorAcceptsLeaveTheRequestAnonymous() {
    assertTrue(
        RapportAuthenticationMechanism.identify(
                List.of(launched, administrators),
                Set.of(Roles.LAUNCHED_USER, Roles.ADMINISTRATOR),
                request("token=forged"))
            .isEmpty());
    assertEquals(List.of("launched", "administrators"), asked);
  }

  @Test
  void anEndpointThatAllowsNoRoleAsksNoOne() {
    assertTrue(
        RapportAuthenticationMechanism.identify(
                List.of(launched, administrators), Set.of(), request("token=ok"))
            .isEmpty());
    assertTrue(asked.isEmpty(), asked.toString());
  }

  @Test
  void queryParametersAreDecodedAndNeverTakenFromAnotherName() {
    CallerRequest request = request("xs=1&s=a%2Bb%3D&s=second");
    assertEquals(Optional.of("a+b="), request.queryParameter("s"));
    assertEquals(Optional.empty(), request("xs=1").queryParameter("s"));
    assertEquals(Optional.empty(), request(null).queryParameter("s"));
    assertEquals(Optional.of("%zz"), request("s=%zz").queryParameter("s"));
  }

  static CallerRequest request(String query) {
    Map<String, Object> attributes = new HashMap<>();
    return new CallerRequest("GET", "app", query, name -> null, Map.of(), attributes::put);
  }

  private CallerAuthenticator authenticator(String name, Set<String> grants) {
    return new CallerAuthenticator() {
      @Override
      public Set<String> grants() {
        return grants;
      }

      @Override
      public Optional<Caller> authenticate(CallerRequest request) {
        asked.add(name);
        return Optional.of("ok").equals(request.queryParameter("token"))
            ? Optional.of(new Caller(name, grants))
            : Optional.empty();
      }

      @Override
      public Response unauthenticated(ContainerRequestContext request) {
        return Response.status(401).build();
      }
    };
  }
}
