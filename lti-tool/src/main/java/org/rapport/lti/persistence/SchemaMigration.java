package org.rapport.lti.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Runs the migrations at deployment, before the application serves a request. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  private DataSource dataSource;

  private volatile String schemaVersion;

  @PostConstruct
  void migrate() {
    try {
      schemaVersion = new SchemaMigrator().migrate(dataSource);
      LOG.info(() -> "Database schema is at version " + schemaVersion);
    } catch (MigrationFailedException e) {
      LOG.log(Level.SEVERE, e.getMessage());
      throw e;
    }
  }

  public String schemaVersion() {
    return schemaVersion;
  }
}
