/**
 * LTI Dynamic Registration 1.0: the URL an LMS administrator pastes into the LMS, which registers
 * Rapport with the platform and creates the registration (tenant) here.
 */
package org.rapport.lti.registration;
