/**
 * Framework-free LTI 1.3 tool protocol (LTI Core 1.3, 1EdTech Security Framework 1.0, Deep Linking
 * 2.0, Dynamic Registration 1.0) on Nimbus JOSE+JWT: login initiation, launch validation, claims,
 * keys, deep-linking responses and registration. No Jakarta, JAX-RS, servlet or JPA type appears
 * here; storage is reached through ports ({@code RegistrationStore}, {@code DeploymentStore},
 * {@code NonceStore}) implemented elsewhere. Every rejection is a {@link
 * org.rapport.lti.protocol.LaunchRejected} carrying a {@link
 * org.rapport.lti.protocol.LaunchFailure} whose sentence is shown to the LMS admin and written to
 * the log.
 */
package org.rapport.lti.protocol;
