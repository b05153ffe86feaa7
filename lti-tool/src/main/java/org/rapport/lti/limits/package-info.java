/**
 * Limits on what a request may cost before Rapport looks at it: body sizes per kind of endpoint,
 * checked on the declared length before any byte is read, and rate limits on the unauthenticated
 * endpoints that write rows (login initiation stores a nonce, a refused launch writes the launch
 * log), per client address and per platform.
 */
package org.rapport.lti.limits;
