/**
 * The faculty dashboard: per cohort the trend across waves with confidence intervals and response
 * rates, the subscales, the comparison with earlier cohorts and the cohort's alerts, each chart an
 * inline SVG with a data table beside it, and a CSV export of the same suppressed aggregates.
 */
package org.rapport.lti.dashboard;
