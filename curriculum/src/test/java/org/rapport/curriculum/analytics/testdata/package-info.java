/** Seeded synthetic cohorts for analytics and alert tests and the benchmark; test code only. */
package org.rapport.curriculum.analytics.testdata;
