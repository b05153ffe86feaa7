/**
 * Cohort analytics on the assessment tables: one query per tenant turns scored responses into the
 * curriculum's {@link org.rapport.curriculum.analytics.Dataset}, and the privacy setting decides
 * the smallest group any aggregate may describe.
 */
package org.rapport.lti.analytics;
