/**
 * The one way Rapport calls a URL that a platform supplied (JWKS, token endpoint, AGS, NRPS,
 * dynamic-registration configuration and registration endpoint): {@link
 * org.rapport.lti.protocol.outbound.OutboundHttp} resolves the name, refuses loopback, private,
 * link-local, metadata and other internal addresses ({@link
 * org.rapport.lti.protocol.outbound.OutboundPolicy}), connects to exactly the address it checked,
 * follows redirects by hand re-checking every hop, and caps time and response size, so that a
 * registration cannot turn Rapport into a proxy into the school's network. Framework-free.
 */
package org.rapport.lti.protocol.outbound;
