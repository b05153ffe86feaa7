/**
 * The LTI 1.3 launch as Rapport runs it: OIDC login initiation, the launch endpoint around the
 * protocol's validation pipeline, state bound to the browser by cookie or platform storage, the
 * nonce store, the launch log, the mapping of LTI roles onto course roles, the learner, course and
 * membership records a launch updates, and the launched users' sessions with the rotation of their
 * signing key.
 */
package org.rapport.lti.launch;
