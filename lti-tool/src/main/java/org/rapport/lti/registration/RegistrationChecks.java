package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.lti.settings.OutboundSettings;
import org.rapport.lti.web.BodyProblems;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.RequestChecks;

/**
 * Checks a registration request: the constraints of {@link RegistrationRequestView} (its identity
 * first when it is a new registration), then the platform addresses Rapport will call against the
 * outbound policy. Every problem is answered at once.
 */
@ApplicationScoped
public class RegistrationChecks {
  @Inject RequestChecks checks;
  @Inject OutboundSettings outbound;

  /**
   * The settings of a new registration.
   *
   * @throws InvalidRequestException with every problem of the request
   */
  public RegistrationSettings forNew(RegistrationRequestView request) {
    return settings(request, checks.of(request, RegistrationRequestView.Identity.class));
  }

  /**
   * The changed settings of a registration (its issuer and client id are not looked at).
   *
   * @throws InvalidRequestException with every problem of the request
   */
  public RegistrationSettings forChange(RegistrationRequestView request) {
    return settings(request, new BodyProblems(RegistrationRequestView.class));
  }

  /**
   * The settings a platform's dynamic registration asks for, checked against the constraints only:
   * the outbound guard checks the addresses at every call.
   *
   * @throws InvalidRequestException with every problem of the request
   */
  public RegistrationSettings asOffered(RegistrationRequestView request) {
    checks.of(request).throwIfAny();
    return RegistrationSettings.from(request);
  }

  private RegistrationSettings settings(RegistrationRequestView request, BodyProblems problems) {
    RegistrationSettings settings = null;
    if (checks.add(problems, request)) {
      settings = RegistrationSettings.from(request);
      problems.then();
      CalledAddresses.problems(outbound.policy(), settings).forEach(p -> problems.add("", p));
    }
    problems.throwIfAny();
    return settings;
  }
}
