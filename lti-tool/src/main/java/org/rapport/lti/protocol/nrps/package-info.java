/**
 * Names and Role Provisioning Services 2.0: reads a context's membership (§2.4), page after page by
 * {@code Link: rel="next"}, through {@link org.rapport.lti.protocol.services.ServiceClient}.
 * Framework-free.
 */
package org.rapport.lti.protocol.nrps;
