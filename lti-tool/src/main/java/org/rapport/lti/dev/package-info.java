/**
 * The built-in test platform for trying Rapport without an LMS. It exists only in development mode,
 * which only configuration can turn on: it signs real LTI 1.3 launches with a key of its own and
 * runs the real OIDC login against this Rapport, inside a mock course page with an iframe and
 * platform storage, as an LMS would. Its clock hand moves Rapport's clock forward, so that tests
 * see time pass without waiting.
 */
package org.rapport.lti.dev;
