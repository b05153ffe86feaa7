package org.rapport.lti.protocol.testdata;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rapport.lti.protocol.registration.DeploymentStore;
import org.rapport.lti.protocol.registration.RegistrationId;

/** Known deployments in a set. */
public final class InMemoryDeploymentStore implements DeploymentStore {
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public InMemoryDeploymentStore add(RegistrationId id, String deploymentId) {
    known.add(id.value() + "/" + deploymentId);
    return this;
  }

  @Override
  public boolean isKnown(RegistrationId id, String deploymentId) {
    return known.contains(id.value() + "/" + deploymentId);
  }
}
