/**
 * The module player inside the LMS: the catalogue loaded at start-up, the student's catalogue and
 * step pages (readings, branching scenarios, knowledge checks, practice, private reflections),
 * their saved progress and the completion event, and the faculty's suppressed completion counts.
 */
package org.rapport.lti.modules;
