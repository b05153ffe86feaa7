package org.rapport.lti.protocol.testdata;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationStore;

/** Registrations in a list, matched exactly like the JPA store must. */
public final class InMemoryRegistrationStore implements RegistrationStore {
  private final List<Registration> registrations = new CopyOnWriteArrayList<>();

  public InMemoryRegistrationStore(Registration... registrations) {
    this.registrations.addAll(List.of(registrations));
  }

  public InMemoryRegistrationStore add(Registration registration) {
    registrations.removeIf(r -> r.id().equals(registration.id()));
    registrations.add(registration);
    return this;
  }

  @Override
  public Optional<Registration> find(String issuer, String clientId) {
    return registrations.stream()
        .filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
        .findFirst();
  }

  @Override
  public List<Registration> findByIssuer(String issuer) {
    return registrations.stream().filter(r -> r.issuer().equals(issuer)).toList();
  }
}
