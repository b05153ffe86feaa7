/**
 * Third-party initiated OIDC login (LTI Core 1.3 §5.1.1, Security Framework §5.1.1): reading the
 * platform's login request, resolving its registration and redirecting the browser to the
 * platform's authorization endpoint with a fresh state and nonce.
 */
package org.rapport.lti.protocol.oidc;
