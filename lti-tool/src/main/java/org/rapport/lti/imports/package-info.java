/**
 * Historical results in and pseudonymous responses out: CSV imports that run as jobs (every row
 * checked first, then everything written in one transaction with JDBC batches, or nothing), their
 * progress and problems by row and column, and the institution's research export.
 */
package org.rapport.lti.imports;
