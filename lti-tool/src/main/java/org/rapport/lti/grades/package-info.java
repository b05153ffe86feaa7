/**
 * Grade passback (AGS 2.0): completions observed from the curriculum are queued as scores in a
 * durable outbox and delivered by a scheduled worker, with backoff, {@code Retry-After}, dead
 * letters an administrator can resend, and timestamps that only increase. Only completion and
 * progress leave Rapport; an empathy score never does.
 */
package org.rapport.lti.grades;
