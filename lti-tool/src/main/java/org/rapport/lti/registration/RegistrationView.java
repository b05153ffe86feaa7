package org.rapport.lti.registration;

import java.util.List;

/** A registration as the admin API shows it. */
public record RegistrationView(
    long id,
    String name,
    String platformKind,
    String issuer,
    String clientId,
    String authEndpoint,
    String tokenEndpoint,
    String jwksUri,
    String deploymentPolicy,
    boolean enabled,
    String createdAt,
    String updatedAt,
    List<DeploymentView> deployments) {

  /** A deployment id seen under the registration. */
  public record DeploymentView(String deploymentId, String firstSeenAt, String lastLaunchAt) {}

  public static RegistrationView of(PlatformRegistration r, List<Deployment> deployments) {
    return new RegistrationView(
        r.getId(),
        r.getName(),
        r.getPlatformKind().name(),
        r.getIssuer(),
        r.getClientId(),
        r.getAuthEndpoint(),
        r.getTokenEndpoint(),
        r.getJwksUri(),
        r.getDeploymentPolicy(),
        r.isEnabled(),
        r.getCreatedAt().toString(),
        r.getUpdatedAt().toString(),
        deployments.stream()
            .map(
                d ->
                    new DeploymentView(
                        d.getDeploymentId(),
                        d.getFirstSeenAt().toString(),
                        d.getLastLaunchAt() == null ? null : d.getLastLaunchAt().toString()))
            .toList());
  }
}
