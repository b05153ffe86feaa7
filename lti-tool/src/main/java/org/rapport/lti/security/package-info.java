/**
 * Who a request acts for and what they may do, through Jakarta Security: the application's one
 * {@link jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism}
 * ({@link org.rapport.lti.security.RapportAuthenticationMechanism}) hands each request that needs a
 * caller to the {@link org.rapport.lti.security.CallerAuthenticator} that can grant one of the
 * endpoint's roles (launched users in {@code launch}, administrators in {@code admin}), and {@link
 * org.rapport.lti.security.RoleCheck} enforces {@link jakarta.annotation.security.RolesAllowed} on
 * resources. The role names are in {@link org.rapport.lti.security.Roles}. This package knows no
 * feature: the authenticators depend on it, not the reverse.
 */
package org.rapport.lti.security;
