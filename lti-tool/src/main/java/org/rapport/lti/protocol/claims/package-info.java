/**
 * The LTI 1.3 message claims Rapport reads (LTI Core 1.3 §5.3-§5.4, Deep Linking 2.0 §4.4, AGS 2.0
 * §3.1, NRPS 2.0 §3.6), one record per claim, each parsing itself from the verified claims set, and
 * the mapping of LIS role URIs to Rapport's coarse {@link org.rapport.lti.protocol.claims.LtiRole}.
 */
package org.rapport.lti.protocol.claims;
