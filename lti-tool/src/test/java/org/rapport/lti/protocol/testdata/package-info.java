/**
 * Test data for the protocol tests: in-memory versions of the storage ports, a mutable clock and a
 * test platform that signs id_tokens and serves its JWKS from the JDK's HTTP server.
 */
package org.rapport.lti.protocol.testdata;
