package org.rapport.lti.console;

import java.util.List;

/**
 * The wizard's first page: which LMS to register.
 *
 * @param kinds one radio button per LMS
 * @param error why the choice was refused, or null
 */
record RegistrationKindView(List<RegistrationWizardView.Choice> kinds, String error) {}
