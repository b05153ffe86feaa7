/**
 * One leased work queue for every background job kept in a table (scores, roster refreshes, mail,
 * wave closings): due rows are claimed with a token and a lease ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL, an atomic conditional update on H2), finished, retried with {@link
 * org.rapport.lti.queue.Backoff} or dead-lettered by the claim's owner only. Plain JDBC on the
 * caller's connection; knows no feature.
 */
package org.rapport.lti.queue;
