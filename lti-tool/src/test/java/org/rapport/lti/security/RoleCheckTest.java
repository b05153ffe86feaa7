package org.rapport.lti.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a resource method allows, from its own annotations and its class's. */
class RoleCheckTest {
  @Test
  void aClassRuleCoversItsMethods() throws Exception {
    assertEquals(
        new RoleCheck.Rule(false, Set.of(Roles.FACULTY), RoleCheck.FACULTY_ONLY),
        rule(ForFaculty.class, "page"));
  }

  @Test
  void aMethodRuleWinsOverItsClass() throws Exception {
    assertEquals(RoleCheck.Rule.PUBLIC, rule(ForFaculty.class, "open"));
    assertEquals(
        new RoleCheck.Rule(false, Set.of(), "Refused for faculty pages."),
        rule(ForFaculty.class, "closed"));
    assertEquals(
        new RoleCheck.Rule(
            false, Set.of(Roles.STUDENT, Roles.ADMINISTRATOR), RoleCheck.DEFAULT_REFUSAL),
        rule(Open.class, "students"));
  }

  @Test
  void theRefusalMessageOfTheClassAppliesUnlessTheMethodHasItsOwn() throws Exception {
    assertEquals("Only for staff.", rule(WithMessage.class, "page").refusal());
    assertEquals("Own sentence.", rule(WithMessage.class, "own").refusal());
  }

  @Test
  void aMethodWithoutAnyRuleIsOpenToNoOne() throws Exception {
    RoleCheck.Rule forgotten = rule(Open.class, "page");
    assertFalse(forgotten.open(), "a method that names no rule must not be public");
    assertEquals(Set.of(), forgotten.roles());
    assertEquals(RoleCheck.DEFAULT_REFUSAL, forgotten.refusal());
  }

  @Test
  void aMethodWithoutAnyRuleKeepsItsResourcesRefusalMessage() throws Exception {
    assertEquals(
        new RoleCheck.Rule(false, Set.of(), "Only for staff."), rule(OnlyAMessage.class, "page"));
  }

  @Test
  void theFilterRefusesAnUnannotatedResourceMethod() throws Exception {
    RoleCheck check = new RoleCheck();
    check.resource = resourceInfo(Open.class, Open.class.getDeclaredMethod("page"));
    // Without a JAX-RS runtime the 403 (ForbiddenException) cannot be built; the attempt shows in
    // the trace. The running application answers it with the default refusal.
    RuntimeException refused = assertThrows(RuntimeException.class, () -> check.filter(null));
    assertTrue(
        Arrays.stream(refused.getStackTrace())
            .anyMatch(frame -> frame.getClassName().equals(ForbiddenException.class.getName())),
        "the filter must refuse with a 403");
  }

  @Test
  void aPermittedMethodPassesTheFilter() throws Exception {
    RoleCheck check = new RoleCheck();
    check.resource = resourceInfo(ForFaculty.class, ForFaculty.class.getDeclaredMethod("open"));
    check.filter(null);
  }

  private static ResourceInfo resourceInfo(Class<?> type, Method method) {
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return method;
      }

      @Override
      public Class<?> getResourceClass() {
        return type;
      }
    };
  }

  private static RoleCheck.Rule rule(Class<?> type, String method) throws Exception {
    Method m = type.getDeclaredMethod(method);
    return RoleCheck.ruleOf(type, m);
  }

  @RolesAllowed(Roles.FACULTY)
  static class ForFaculty {
    void page() {}

    @PermitAll
    void open() {}

    @DenyAll
    @RefusalMessage("Refused for faculty pages.")
    void closed() {}
  }

  static class Open {
    void page() {}

    @RolesAllowed({Roles.STUDENT, Roles.ADMINISTRATOR})
    void students() {}
  }

  @RefusalMessage("Only for staff.")
  static class OnlyAMessage {
    void page() {}
  }

  @RolesAllowed(Roles.ADMINISTRATOR)
  @RefusalMessage("Only for staff.")
  static class WithMessage {
    void page() {}

    @RefusalMessage("Own sentence.")
    void own() {}
  }
}
