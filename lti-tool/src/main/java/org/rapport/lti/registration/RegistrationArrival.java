package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.lti.protocol.registration.DynamicRegistrationFailed;
import org.rapport.lti.protocol.registration.RegisteredClient;

/**
 * Stores what dynamic registration brought back, in one transaction: the registration, the invite
 * it used up and the deployment the platform named.
 */
@ApplicationScoped
class RegistrationArrival {
  @Inject RegistrationRepository registrations;
  @Inject RegistrationInvites invites;

  /**
   * Stores the registration; answers its id.
   *
   * @throws DynamicRegistrationFailed when this LMS and client id are registered already
   */
  @Transactional
  long store(
      RegistrationInvites.Claim claim,
      String issuer,
      RegisteredClient client,
      RegistrationSettings settings) {
    PlatformRegistration stored =
        registrations
            .create(issuer, client.clientId(), settings)
            .orElseThrow(
                () ->
                    new DynamicRegistrationFailed(
                        "This LMS already has a registration with client id "
                            + client.clientId()
                            + " in Rapport."));
    invites.used(claim, stored.getId(), issuer, client.clientId());
    client.deploymentId().ifPresent(d -> registrations.recordDeploymentLaunch(stored.getId(), d));
    return stored.getId();
  }
}
