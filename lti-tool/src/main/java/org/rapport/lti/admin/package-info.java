/**
 * Administration: platform registrations (tenants) and their deployments, administrator accounts
 * and sign-in, the per-LMS set-up values, the launch log and the JSON API behind the admin pages.
 */
package org.rapport.lti.admin;
