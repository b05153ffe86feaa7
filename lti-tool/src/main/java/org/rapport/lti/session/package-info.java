/**
 * Rapport's own sessions, which never depend on a third-party cookie: short-lived tokens signed
 * with a server secret kept in the database, carried by pages (launched users) or by a first-party
 * cookie (administrators).
 */
package org.rapport.lti.session;
