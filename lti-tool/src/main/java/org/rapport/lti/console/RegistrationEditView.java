package org.rapport.lti.console;

import java.util.List;

/**
 * A registration's settings to edit: its LMS and unknown-deployment policy as choices, its name and
 * endpoints as fields, each with its own problem after a refused save. Issuer and client id
 * identify the registration and are shown, not edited.
 */
record RegistrationEditView(
    long id,
    String name,
    String issuer,
    String clientId,
    List<RegistrationWizardView.Choice> kinds,
    List<RegistrationWizardView.Field> fields,
    List<RegistrationWizardView.Choice> policies,
    List<RegistrationWizardView.Problem> problems) {

  boolean hasProblems() {
    return !problems.isEmpty();
  }
}
