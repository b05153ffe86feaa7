/**
 * Keys (1EdTech Security Framework 1.0 §6): the platforms' public key sets, fetched and cached per
 * JWKS URL, and Rapport's own RSA signing keys with their rotation and JWKS publication.
 */
package org.rapport.lti.protocol.keys;
