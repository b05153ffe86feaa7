package org.rapport.lti.protocol.registration;

/**
 * Port: the deployments known for each registration. Read-only for the protocol: recording a new
 * deployment (under {@link DeploymentPolicy#ACCEPT_ON_FIRST_SIGHT}) is done by the caller after a
 * successful launch, so that a rejected launch changes nothing.
 */
public interface DeploymentStore {

  boolean isKnown(RegistrationId id, String deploymentId);
}
