/**
 * Rapport's activities as an LMS sees them: the modules and the empathy self-assessment, each with
 * the page a resource link opens and the identity of its gradebook column (resource id and tag).
 * Shared by content selection (deep linking) and grade passback.
 */
package org.rapport.lti.activities;
