/** Rapport's MicroProfile Config keys, read in one place with their defaults. */
package org.rapport.lti.settings;
