package org.rapport.lti.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
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
  void aMethodOfAClassWithoutAnyRuleIsPublic() throws Exception {
    assertEquals(RoleCheck.Rule.PUBLIC, rule(Open.class, "page"));
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

  @RolesAllowed(Roles.ADMINISTRATOR)
  @RefusalMessage("Only for staff.")
  static class WithMessage {
    void page() {}

    @RefusalMessage("Own sentence.")
    void own() {}
  }
}
