package org.rapport.lti.console;

import java.util.List;
import org.rapport.lti.registration.PlatformSetupValues;

/**
 * "Test this registration": what to launch in the LMS, and the last launch Rapport received for the
 * registration.
 *
 * @param notice what the last action did, or null
 * @param deployments the deployment ids known for the registration
 * @param platform the values the LMS must hold for Rapport, with the placement
 * @param lastLaunch the latest launch received for the registration, or null when none came yet
 * @param devLaunch in development mode, the test platform's launch through this registration, or
 *     null
 * @param devNote in development mode, why the test platform cannot launch this registration, or
 *     null
 */
record RegistrationTestView(
    long id,
    String name,
    String kindLabel,
    String issuer,
    String clientId,
    boolean enabled,
    List<String> deployments,
    String notice,
    PlatformSetupValues.Platform platform,
    LastLaunch lastLaunch,
    String devLaunch,
    String devNote) {

  /** One launch from the launch log. */
  record LastLaunch(
      long id,
      String occurredAt,
      boolean accepted,
      String deploymentId,
      String messageType,
      String failure,
      String detail) {}
}
