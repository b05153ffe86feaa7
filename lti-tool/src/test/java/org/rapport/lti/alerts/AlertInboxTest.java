package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rapport.lti.launch.CourseRole;
import org.rapport.lti.launch.LaunchedUser;

class AlertInboxTest {
  @Test
  void whoActedOnAnAlertIsNamedWithoutAnInternalId() {
    assertEquals(
        "Ines Duarte",
        AlertInbox.who(
            new LaunchedUser(
                1, 255, 7L, CourseRole.INSTRUCTOR, " Ines Duarte ", "Clinical Skills")));
    assertEquals(
        "A faculty member of the course",
        AlertInbox.who(
            new LaunchedUser(1, 255, 7L, CourseRole.INSTRUCTOR, " ", "Clinical Skills")));
  }
}
