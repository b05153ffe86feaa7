/** Test data builders and test-only helpers: the deployed WAR, HTTP clients, databases. */
package org.rapport.lti.testdata;
