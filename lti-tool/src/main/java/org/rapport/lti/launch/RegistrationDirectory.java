package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.admin.PlatformRegistration;
import org.rapport.lti.admin.RegistrationRepository;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.DeploymentStore;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;
import org.rapport.lti.protocol.registration.RegistrationStore;

/** The protocol's view of the stored registrations and deployments. */
@ApplicationScoped
public class RegistrationDirectory implements RegistrationStore, DeploymentStore {
  @Inject RegistrationRepository repository;

  @Override
  public Optional<Registration> find(String issuer, String clientId) {
    return repository.find(issuer, clientId).map(RegistrationDirectory::toProtocol);
  }

  @Override
  public List<Registration> findByIssuer(String issuer) {
    return repository.findByIssuer(issuer).stream().map(RegistrationDirectory::toProtocol).toList();
  }

  @Override
  public boolean isKnown(RegistrationId id, String deploymentId) {
    return repository.isKnownDeployment(id.value(), deploymentId);
  }

  public Optional<Registration> find(long id) {
    return repository.find(id).map(RegistrationDirectory::toProtocol);
  }

  static Registration toProtocol(PlatformRegistration r) {
    return new Registration(
        new RegistrationId(r.getId()),
        r.getIssuer(),
        r.getClientId(),
        URI.create(r.getAuthEndpoint()),
        r.getTokenEndpoint() == null ? null : URI.create(r.getTokenEndpoint()),
        URI.create(r.getJwksUri()),
        DeploymentPolicy.valueOf(r.getDeploymentPolicy()),
        r.isEnabled());
  }
}
