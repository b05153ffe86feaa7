package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The tenants (LMS registrations) admin pages offer to choose from, by id and name. */
@ApplicationScoped
@Transactional
public class TenantDirectory {
  @Inject RegistrationRepository registrations;

  /** A tenant as a choice on a page. */
  public record Tenant(long id, String name) {}

  public List<Tenant> all() {
    return registrations.all().stream().map(r -> new Tenant(r.getId(), r.getName())).toList();
  }

  public Optional<String> name(long id) {
    return registrations.find(id).map(PlatformRegistration::getName);
  }
}
