/**
 * Wiring of the LTI Advantage service clients ({@code protocol.services}, {@code protocol.ags},
 * {@code protocol.nrps}) into the application: one token cache per node, signed with the tool's
 * current key, and the registration's client id and token endpoint.
 */
package org.rapport.lti.services;
