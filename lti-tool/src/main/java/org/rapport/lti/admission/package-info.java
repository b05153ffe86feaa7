/**
 * Admission control: how many requests may work with the database at once, and the fast "busy, try
 * again" answer when more arrive than Rapport can serve, instead of requests piling up on the
 * connection pool until they fail.
 */
package org.rapport.lti.admission;
