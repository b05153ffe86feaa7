package org.rapport.lti.protocol.registration;

import java.util.List;
import java.util.Optional;

/** Port: where registrations are kept (implemented with JPA outside the protocol package). */
public interface RegistrationStore {

  /** The registration with exactly this issuer and client_id, disabled ones included. */
  Optional<Registration> find(String issuer, String clientId);

  /** Every registration with exactly this issuer, disabled ones included. */
  List<Registration> findByIssuer(String issuer);
}
