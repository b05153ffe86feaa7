/**
 * Rapport's MicroProfile Config keys, read in one place with their defaults, and the application
 * clock ({@link org.rapport.lti.settings.SystemClock}).
 */
package org.rapport.lti.settings;
