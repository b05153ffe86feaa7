/**
 * Rapport's domain: curriculum modules, empathy instruments and their scoring, cohorts and waves,
 * cohort analytics and alert rules. Nothing here knows about LTI or HTTP.
 */
package org.rapport.curriculum;
