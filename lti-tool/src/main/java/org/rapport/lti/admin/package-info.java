/**
 * Administrators: their accounts, sign-in with throttling, server-side sessions, API tokens, the
 * authenticator that makes a request's caller an administrator (role {@code administrator}, see
 * {@code security}), the same-origin and CSRF checks on requests of a signed-in session, and the
 * audit log as administrators read it. Features name the role; this package knows none of them.
 */
package org.rapport.lti.admin;
