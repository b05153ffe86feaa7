/**
 * Mail that must not be lost: a durable outbox table, a scheduled worker that sends what is due
 * through the SMTP server in {@code rapport.mail.*} with Jakarta Mail, and retries with backoff
 * while the server is unreachable.
 */
package org.rapport.lti.mail;
