package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.admin.AdminAudit;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;

/**
 * The administrator's changes to platform registrations, each checked, stored and audited in one
 * transaction; the administration page and the JSON API share them.
 */
@ApplicationScoped
public class RegistrationAdministration {
  @Inject RegistrationRepository registrations;
  @Inject AdminAudit audit;
  @Inject RegistrationChecks checks;

  /** Every registration with its deployments. */
  @Transactional
  public List<RegistrationView> all() {
    return registrations.all().stream().map(this::view).toList();
  }

  /** A registration with its deployments; empty when there is no such registration. */
  @Transactional
  public Optional<RegistrationView> find(long id) {
    return registrations.find(id).map(this::view);
  }

  /**
   * How many learners, courses, memberships and deployments a registration holds; empty when there
   * is no such registration.
   */
  @Transactional
  public Optional<Map<String, Long>> usage(long id) {
    return registrations.find(id).map(r -> registrations.usage(id));
  }

  /** A registration as the API shows it, with its deployments as stored now. */
  @Transactional
  public RegistrationView view(PlatformRegistration registration) {
    return RegistrationView.of(registration, registrations.deployments(registration.getId()));
  }

  /**
   * Registers a platform by issuer and client id.
   *
   * @throws InvalidRequestException with every problem of the request at once
   * @throws ConflictException when the issuer and client id are registered already
   */
  @Transactional
  public PlatformRegistration create(RegistrationRequestView request, String admin) {
    RegistrationSettings settings = checks.forNew(request);
    String issuer = request.issuer().strip();
    String clientId = request.clientId().strip();
    PlatformRegistration created =
        registrations
            .create(issuer, clientId, settings)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "A registration for issuer "
                            + issuer
                            + " and client id "
                            + clientId
                            + " already exists; edit that one instead."));
    audit.record(
        admin,
        AuditAction.REGISTRATION_CREATED,
        created.getId(),
        "issuer " + issuer + ", client id " + clientId);
    return created;
  }

  /**
   * Changes a registration's settings (its issuer and client id never change); empty when there is
   * no such registration.
   *
   * @throws InvalidRequestException with every problem of the request at once
   */
  @Transactional
  public Optional<PlatformRegistration> update(
      long id, RegistrationRequestView request, String admin) {
    RegistrationSettings settings = checks.forChange(request);
    Optional<PlatformRegistration> updated = registrations.update(id, settings);
    updated.ifPresent(
        r -> audit.record(admin, AuditAction.REGISTRATION_EDITED, id, "settings changed"));
    return updated;
  }

  /**
   * Changes a registration's settings from the administration page's form, which has no issuer,
   * client id or enabled state: those stay as they are. Empty when there is no such registration.
   *
   * @throws InvalidRequestException with every problem of the form at once
   */
  @Transactional
  public Optional<PlatformRegistration> edit(long id, RegistrationRequestView form, String admin) {
    Optional<PlatformRegistration> found = registrations.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PlatformRegistration r = found.get();
    return update(
        id,
        new RegistrationRequestView(
            form.name(),
            form.platformKind(),
            r.getIssuer(),
            r.getClientId(),
            form.authEndpoint(),
            form.tokenEndpoint(),
            form.jwksUri(),
            form.deploymentPolicy(),
            r.isEnabled()),
        admin);
  }

  /** Enables or disables a registration; empty when there is no such registration. */
  @Transactional
  public Optional<PlatformRegistration> setEnabled(long id, boolean enabled, String admin) {
    Optional<PlatformRegistration> found = registrations.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PlatformRegistration r = found.get();
    RegistrationRequestView same =
        new RegistrationRequestView(
            r.getName(),
            r.getPlatformKind().name(),
            r.getIssuer(),
            r.getClientId(),
            r.getAuthEndpoint(),
            r.getTokenEndpoint(),
            r.getJwksUri(),
            r.getDeploymentPolicy(),
            enabled);
    Optional<PlatformRegistration> updated =
        registrations.update(id, RegistrationSettings.from(same));
    audit.record(
        admin,
        enabled ? AuditAction.REGISTRATION_ENABLED : AuditAction.REGISTRATION_DISABLED,
        id,
        enabled ? "enabled" : "disabled");
    return updated;
  }

  /** Disables an enabled registration or enables a disabled one; false when there is none. */
  @Transactional
  public boolean toggle(long id, String admin) {
    return registrations.find(id).flatMap(r -> setEnabled(id, !r.isEnabled(), admin)).isPresent();
  }
}
