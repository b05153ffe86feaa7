/**
 * Calling the platform's LTI Advantage services (1EdTech Security Framework 1.0 §4.1, RFC 7523):
 * access tokens obtained by the client-credentials grant with a JWT client assertion signed by
 * Rapport's current key, cached per registration and scope set until shortly before they expire,
 * and the HTTP exchange with its failures classified as transient (retry later, honouring {@code
 * Retry-After}) or permanent. Framework-free: {@code java.net.http} and Nimbus only.
 */
package org.rapport.lti.protocol.services;
