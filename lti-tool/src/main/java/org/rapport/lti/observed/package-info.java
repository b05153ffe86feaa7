/**
 * Observed practice: encounters in which a student's conversation with a patient was observed, the
 * raters invited to each (faculty and peers inside the LMS, standardized and real patients through
 * one-time links), their ratings on a rating form, and what students and faculty see of them.
 */
package org.rapport.lti.observed;
