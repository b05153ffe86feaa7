package org.rapport.lti.persistence;

/** A migration script could not be applied; startup stops. */
public class MigrationFailedException extends RuntimeException {
  private final String script;

  public MigrationFailedException(String script, Throwable cause) {
    super(
        (script == null
                ? "Database migrations could not run, Rapport cannot start: "
                : "Database migration " + script + " failed, Rapport cannot start: ")
            + firstLine(cause.getMessage())
            + (script == null
                ? " Check rapport.db.url, user and password and that the database is reachable."
                : " Fix the script or the database and start again."),
        cause);
    this.script = script;
  }

  /** The script that failed, or null when no script ran (for example, no connection). */
  public String script() {
    return script;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
  }
}
