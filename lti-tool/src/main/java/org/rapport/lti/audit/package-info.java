/**
 * The audit log: every access to student-level data (a student's export of their own data, an
 * administrator's export or deletion, linking and cohort corrections) is written here, and
 * administrators can read it back.
 */
package org.rapport.lti.audit;
