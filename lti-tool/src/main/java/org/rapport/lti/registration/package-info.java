/**
 * Platform registrations (tenants): one (issuer, client id) pair each, with its deployments, its
 * checked settings, the set-up values an LMS needs, and the admin API that manages them; and LTI
 * Dynamic Registration 1.0, the invite URL an LMS administrator pastes into the LMS, which
 * registers Rapport with the platform and creates the registration here.
 */
package org.rapport.lti.registration;
