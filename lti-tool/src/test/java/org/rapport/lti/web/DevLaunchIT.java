package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/** The built-in test platform launches a student and an instructor into Rapport. */
@ExtendWith(ArquillianExtension.class)
class DevLaunchIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void studentAndInstructorLaunchWithTheirRoles() {
    RapportClient rapport = new RapportClient(deployed);
    String student = DevLaunch.session(rapport, "student", "alice", "/app");
    HttpResponse<String> home = rapport.get("/app?s=" + student);
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("data-role=\"Student\""), home.body());

    String instructor = DevLaunch.session(rapport, "instructor", "ines", "/app");
    HttpResponse<String> facultyHome = rapport.get("/app?s=" + instructor);
    assertTrue(facultyHome.body().contains("data-role=\"Instructor\""), facultyHome.body());
  }

  @Test
  void appRefusesRequestsWithoutAValidSession() {
    RapportClient rapport = new RapportClient(deployed);
    assertEquals(401, rapport.get("/app").statusCode());
    assertEquals(401, rapport.get("/app?s=forged.token.value").statusCode());
  }

  @Test
  void aSessionLeftIdleForLongerThanHalfAnHourEndsAndUseKeepsItAlive() {
    RapportClient rapport = new RapportClient(deployed);
    String session = DevLaunch.session(rapport, "student", "idle-ida", "/app");
    assertEquals(200, rapport.get("/app?s=" + session).statusCode());
    try {
      rapport.moveClockForward(Duration.ofMinutes(29));
      assertEquals(200, rapport.get("/app?s=" + session).statusCode(), "29 idle minutes");
      rapport.moveClockForward(Duration.ofMinutes(29));
      assertEquals(
          200, rapport.get("/app?s=" + session).statusCode(), "29 minutes after the last use");
      rapport.moveClockForward(Duration.ofMinutes(31));
      HttpResponse<String> ended = rapport.get("/app?s=" + session);
      assertEquals(401, ended.statusCode(), "31 idle minutes");
      assertTrue(ended.body().contains("Your Rapport session has ended"), ended.body());
    } finally {
      rapport.resetClock();
    }
  }
}
