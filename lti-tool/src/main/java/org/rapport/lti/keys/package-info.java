/**
 * The tool's own signing keys (LTI Security Framework 1.0 §6): generated on first start, kept in
 * the database (private parts never logged or served), published at the JWKS endpoint, rotated with
 * an overlap.
 */
package org.rapport.lti.keys;
