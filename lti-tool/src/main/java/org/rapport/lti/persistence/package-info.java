/**
 * The application's database: the data source chosen by configuration (embedded H2 by default,
 * PostgreSQL in production) and the Flyway migrations that run before anything else touches it.
 */
package org.rapport.lti.persistence;
