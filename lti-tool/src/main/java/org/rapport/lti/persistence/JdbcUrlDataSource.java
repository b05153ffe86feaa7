package org.rapport.lti.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A plain data source that opens connections with the JDBC driver matching its URL: H2 for {@code
 * jdbc:h2:}, PostgreSQL for {@code jdbc:postgresql:}. The container pools its connections.
 */
public class JdbcUrlDataSource implements DataSource {
  private String url;
  private String user;
  private String password;
  private int loginTimeout;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = configured(url);
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public String getURL() {
    return url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = configured(user);
  }

  public void setPassword(String password) {
    this.password = configured(password);
  }

  /** An unresolved {@code ${MPCONFIG=...}} placeholder means the key was not set. */
  private static String configured(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    if (url == null) {
      throw new SQLException("rapport.db.url (RAPPORT_DB_URL) is not set");
    }
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (pass != null) {
      properties.setProperty("password", pass);
    }
    Connection connection = driverFor(url).connect(url, properties);
    if (connection == null) {
      throw new SQLException("No JDBC driver accepts the URL in rapport.db.url");
    }
    return connection;
  }

  static Driver driverFor(String url) throws SQLException {
    if (url.startsWith("jdbc:h2:")) {
      return new org.h2.Driver();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new org.postgresql.Driver();
    }
    throw new SQLException(
        "Unsupported database URL in rapport.db.url: use jdbc:h2:... or jdbc:postgresql:...");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
