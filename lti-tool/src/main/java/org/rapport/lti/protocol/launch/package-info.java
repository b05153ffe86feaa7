/**
 * Validation of the platform's id_token at Rapport's launch URL (Security Framework §5.1.3, LTI
 * Core 1.3 §5.3-§5.4, Deep Linking 2.0 §4.4): one pipeline of named steps ending in a {@link
 * org.rapport.lti.protocol.launch.ValidatedLaunch} or a {@link
 * org.rapport.lti.protocol.LaunchRejected}.
 */
package org.rapport.lti.protocol.launch;
