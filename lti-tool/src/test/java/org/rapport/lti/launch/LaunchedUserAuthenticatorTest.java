package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rapport.lti.security.Caller;
import org.rapport.lti.security.CallerRequest;
import org.rapport.lti.security.Roles;

/** How a launched user's session token becomes a caller with roles. */
class LaunchedUserAuthenticatorTest {
  private static final LaunchedUser STUDENT =
      new LaunchedUser(1, 41, 7L, CourseRole.STUDENT, "Ada", "Medicine 1");
  private static final LaunchedUser INSTRUCTOR =
      new LaunchedUser(1, 42, 7L, CourseRole.INSTRUCTOR, "Ben", "Medicine 1");

  private final List<String> verified = new ArrayList<>();
  private final Map<String, Object> attributes = new HashMap<>();
  private final Function<String, Optional<LaunchedUser>> sessions =
      token -> {
        verified.add(token);
        return Optional.ofNullable(Map.of("st+1", STUDENT, "in-2", INSTRUCTOR).get(token));
      };

  @Test
  void aRequestWithoutATokenIsNotLookedUp() {
    assertTrue(LaunchedUserAuthenticator.authenticate(request("q=1", null), sessions).isEmpty());
    assertTrue(LaunchedUserAuthenticator.authenticate(request("s=", null), sessions).isEmpty());
    assertTrue(verified.isEmpty(), "no session look-up without a token: " + verified);
    assertTrue(attributes.isEmpty());
  }

  @Test
  void aStudentsTokenInTheQueryMakesALaunchedStudent() {
    Optional<Caller> caller =
        LaunchedUserAuthenticator.authenticate(request("x=1&s=st%2B1", null), sessions);
    assertEquals(Set.of(Roles.LAUNCHED_USER, Roles.STUDENT), caller.orElseThrow().groups());
    assertEquals(List.of("st+1"), verified);
    assertEquals(STUDENT, attributes.get(LaunchedUserAuthenticator.PROPERTY));
    assertEquals("st+1", attributes.get(ToolSessions.PARAMETER));
  }

  @Test
  void anInstructorsTokenInTheHeaderMakesLaunchedFaculty() {
    Optional<Caller> caller =
        LaunchedUserAuthenticator.authenticate(request(null, "in-2"), sessions);
    assertEquals(Set.of(Roles.LAUNCHED_USER, Roles.FACULTY), caller.orElseThrow().groups());
    assertEquals(INSTRUCTOR, attributes.get(LaunchedUserAuthenticator.PROPERTY));
  }

  @Test
  void theQueryTokenWinsOverTheHeader() {
    LaunchedUserAuthenticator.authenticate(request("s=in-2", "st+1"), sessions);
    assertEquals(List.of("in-2"), verified);
  }

  @Test
  void anEndedOrForgedSessionLeavesTheRequestAnonymous() {
    assertTrue(
        LaunchedUserAuthenticator.authenticate(request("s=forged", null), sessions).isEmpty());
    assertEquals(List.of("forged"), verified);
    assertTrue(attributes.isEmpty(), attributes.toString());
  }

  private CallerRequest request(String query, String header) {
    return new CallerRequest(
        "GET",
        "app",
        query,
        name -> name.equals(LaunchedUserAuthenticator.HEADER) ? header : null,
        Map.of(),
        attributes::put);
  }
}
