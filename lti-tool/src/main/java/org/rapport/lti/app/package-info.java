/**
 * The pages a launched user sees inside the LMS: the student's home (modules and self-assessment)
 * and the faculty home of a course.
 */
package org.rapport.lti.app;
