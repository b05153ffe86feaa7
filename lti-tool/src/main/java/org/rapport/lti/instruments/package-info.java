/**
 * The instruments this installation offers, loaded once at startup from the shipped definitions,
 * the institution's own directory and the licensed item texts it supplies; a broken definition
 * stops startup. Also the admin API that lists them and says why one cannot be scheduled.
 */
package org.rapport.lti.instruments;
