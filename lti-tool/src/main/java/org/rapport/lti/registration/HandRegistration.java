package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;

/**
 * Registers a platform by hand with the deployment id the LMS showed, in one transaction: the
 * registration goes through {@link RegistrationAdministration#create} and its checks, and the
 * deployment id is recorded under it, so a registration that rejects unknown deployments accepts
 * the first launch. A refused request stores nothing.
 */
@ApplicationScoped
public class HandRegistration {
  static final int MAX_DEPLOYMENT_ID = 255;

  @Inject RegistrationAdministration administration;
  @Inject RegistrationRepository registrations;

  /**
   * Creates the registration and records {@code deploymentId} when one is given.
   *
   * @throws InvalidRequestException with every problem of the request and the deployment id
   * @throws ConflictException when the issuer and client id are registered already
   */
  @Transactional
  public PlatformRegistration create(
      RegistrationRequestView request, String deploymentId, String admin) {
    List<String> problems = deploymentProblems(deploymentId);
    PlatformRegistration created;
    try {
      created = administration.create(request, admin);
    } catch (InvalidRequestException invalid) {
      problems.addAll(0, invalid.problems());
      throw new InvalidRequestException(problems);
    }
    if (!problems.isEmpty()) {
      // Thrown out of this transaction, the refusal undoes the registration just created.
      throw new InvalidRequestException(problems);
    }
    if (deploymentId != null && !deploymentId.isBlank()) {
      registrations.recordDeployment(created.getId(), deploymentId.strip());
    }
    return created;
  }

  static List<String> deploymentProblems(String deploymentId) {
    List<String> problems = new ArrayList<>();
    if (deploymentId == null || deploymentId.isBlank()) {
      return problems;
    }
    String id = deploymentId.strip();
    if (id.length() > MAX_DEPLOYMENT_ID) {
      problems.add("deploymentId: use at most " + MAX_DEPLOYMENT_ID + " characters.");
    } else if (id.chars().anyMatch(Character::isISOControl)) {
      problems.add(
          "deploymentId: copy the deployment id exactly as the LMS shows it, on one line.");
    }
    return problems;
  }
}
