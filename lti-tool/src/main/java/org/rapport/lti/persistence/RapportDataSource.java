package org.rapport.lti.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's pooled data source. URL, user and password come from MicroProfile
 * Config ({@code rapport.db.url}, {@code rapport.db.user}, {@code rapport.db.password}, or the
 * environment variables {@code RAPPORT_DB_URL}...); {@link JdbcUrlDataSource} picks the driver from
 * the URL, so switching to PostgreSQL needs only the URL.
 *
 * <p>The pool checks each connection before handing it out ({@code Connection.isValid}) and, when
 * one turns out dead, drops all of them: after the database restarts, Rapport opens fresh
 * connections instead of failing on the old ones, without a restart of its own. A caller waits at
 * most ten seconds for a connection, so requests during an outage end quickly with 503.
 */
@DataSourceDefinition(
    name = RapportDataSource.JNDI_NAME,
    className = "org.rapport.lti.persistence.JdbcUrlDataSource",
    url = "${MPCONFIG=rapport.db.url}",
    user = "${MPCONFIG=rapport.db.user}",
    password = "${MPCONFIG=rapport.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=10000"
    })
@Singleton
public class RapportDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/rapport";
}
