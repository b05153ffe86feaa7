/**
 * Test data for the protocol tests: in-memory versions of the storage ports and a mutable clock.
 * The platform they talk to is the suite's one test LMS, {@code testdata/LtiTestPlatform}.
 */
package org.rapport.lti.protocol.testdata;
