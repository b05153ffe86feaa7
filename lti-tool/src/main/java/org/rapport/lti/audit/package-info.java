/**
 * The audit log: every access to student-level data (a student's export of their own data, an
 * administrator's export or deletion, linking and cohort corrections) and every administrative
 * change is written here; administrators read it back through the admin API.
 */
package org.rapport.lti.audit;
