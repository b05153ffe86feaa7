/**
 * Platform registrations keyed by (issuer, client_id), their deployments, the storage ports the
 * protocol reads them through, and LTI Dynamic Registration 1.0 (fetching a platform's OpenID
 * configuration and registering Rapport as a client).
 */
package org.rapport.lti.protocol.registration;
