/**
 * Historical results in CSV: reading the file (RFC 4180), the columns it may have, and the checks
 * every row must pass before anything is imported, reported by row number and column name.
 */
package org.rapport.curriculum.imports;
