package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.FullLaunch;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * A whole class opening Rapport at once: three times as many concurrent full launches (OIDC login,
 * signed id_token, launch, first page) as the connection pool has connections, all first launches
 * into one new course, all placing their students in one new cohort. Every launch must succeed: no
 * request may need a second connection while holding one, and concurrent first creations of the
 * same course, deployment, cohort or resource link must not fail each other.
 */
@ExtendWith(ArquillianExtension.class)
class LaunchLoadIT {
  /** Connections in Rapport's pool (RapportDataSource). */
  private static final int POOL = 32;

  private static final int LAUNCHES = 3 * POOL;
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void moreConcurrentLaunchesThanConnectionsAllSucceed() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    try (LtiTestPlatform platform = LtiTestPlatform.start()) {
      HttpResponse<String> created =
          rapport.adminPost(
              "/api/admin/registrations",
              platform.registrationJson("Load", "client-load", "ACCEPT_ON_FIRST_SIGHT"));
      assertEquals(201, created.statusCode(), created.body());
      Matcher m = ID.matcher(created.body());
      assertTrue(m.find());
      long registration = Long.parseLong(m.group(1));

      FullLaunch launches = new FullLaunch(rapport.base(), platform, "client-load");
      ExecutorService users = Executors.newFixedThreadPool(LAUNCHES);
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<FullLaunch.Outcome>> work = new ArrayList<>();
      for (int i = 0; i < LAUNCHES; i++) {
        String subject = "load-student-" + i;
        work.add(
            () -> {
              start.await();
              return launches.launch(subject, Map.of("rapport_matriculation_year", "2024"));
            });
      }
      List<Future<FullLaunch.Outcome>> futures = new ArrayList<>();
      long began = System.nanoTime();
      try {
        work.forEach(w -> futures.add(users.submit(w)));
        start.countDown();
        List<String> failures = new ArrayList<>();
        for (Future<FullLaunch.Outcome> future : futures) {
          FullLaunch.Outcome outcome = future.get(120, TimeUnit.SECONDS);
          if (!outcome.ok()) {
            failures.add(outcome.step() + " " + outcome.status() + " " + abbreviated(outcome));
          }
        }
        assertEquals(List.of(), failures, "every launch reaches Rapport's first page");
      } finally {
        users.shutdownNow();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      System.out.println(LAUNCHES + " concurrent full launches in " + took.toMillis() + " ms");

      HttpResponse<String> usage =
          rapport.adminGet("/api/admin/registrations/" + registration + "/usage");
      assertEquals(200, usage.statusCode(), usage.body());
      assertTrue(usage.body().replace(" ", "").contains("\"learners\":" + LAUNCHES), usage.body());
      assertTrue(usage.body().replace(" ", "").contains("\"courses\":1"), usage.body());
      assertTrue(usage.body().replace(" ", "").contains("\"deployments\":1"), usage.body());
      HttpResponse<String> cohorts =
          rapport.adminGet("/api/admin/cohorts?registration=" + registration);
      assertEquals(200, cohorts.statusCode(), cohorts.body());
      String compact = cohorts.body().replace(" ", "");
      assertEquals(1, compact.split("\"registrationId\":").length - 1, cohorts.body());
      assertTrue(compact.contains("\"students\":" + LAUNCHES), cohorts.body());
    }
  }

  private static String abbreviated(FullLaunch.Outcome outcome) {
    String detail = outcome.detail() == null ? "" : outcome.detail();
    return detail.length() > 200 ? detail.substring(0, 200) : detail;
  }
}
