package org.rapport.lti.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's pooled data source. URL, user and password come from MicroProfile
 * Config ({@code rapport.db.url}, {@code rapport.db.user}, {@code rapport.db.password}, or the
 * environment variables {@code RAPPORT_DB_URL}...); {@link JdbcUrlDataSource} picks the driver from
 * the URL, so switching to PostgreSQL needs only the URL.
 */
@DataSourceDefinition(
    name = RapportDataSource.JNDI_NAME,
    className = "org.rapport.lti.persistence.JdbcUrlDataSource",
    url = "${MPCONFIG=rapport.db.url}",
    user = "${MPCONFIG=rapport.db.user}",
    password = "${MPCONFIG=rapport.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32)
@Singleton
public class RapportDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/rapport";
}
