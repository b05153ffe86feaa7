/**
 * The application's database: the data source chosen by configuration (embedded H2 by default,
 * PostgreSQL in production) and the Flyway migrations that run before anything else touches it.
 *
 * <p><b>JPA or JDBC.</b> A use case that loads one aggregate (a registration, a student, a wave, a
 * response), changes it and saves it uses JPA entities through a repository: the entity keeps its
 * own rules and the persistence context tracks the change. Bulk writes, work queues (claim with a
 * lease, {@code SKIP LOCKED}) and analytics reads that join and aggregate many rows use plain JDBC
 * through {@link org.rapport.lti.persistence.Database}: the SQL is visible, nothing is loaded that
 * the page does not show, and nothing is cached between requests. Either way the SQL or the queries
 * live in repositories and use-case services, never in a resource: a resource parses the request,
 * calls one use case (one declarative {@code @Transactional} transaction) and chooses a
 * representation.
 */
package org.rapport.lti.persistence;
