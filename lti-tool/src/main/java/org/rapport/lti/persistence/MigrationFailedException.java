package org.rapport.lti.persistence;

/** A migration script could not be applied; startup stops. */
public class MigrationFailedException extends RuntimeException {
  private final String script;

  public MigrationFailedException(String script, Throwable cause) {
    super(describe(script, cause.getMessage()), cause);
    this.script = script;
  }

  /** The script that failed, or null when no script ran (for example, no connection). */
  public String script() {
    return script;
  }

  private static String describe(String script, String message) {
    String detail = firstLines(message);
    if (script != null) {
      return "Database migration "
          + script
          + " failed, Rapport cannot start: "
          + detail
          + " Fix the script or the database and start again.";
    }
    if (message != null && message.contains("Validate failed")) {
      return "Database migrations do not match the database, Rapport cannot start: "
          + detail
          + " A migration that was already applied has been changed; never edit a shipped"
          + " migration, add a new one.";
    }
    return "Database migrations could not run, Rapport cannot start: "
        + detail
        + " Check rapport.db.url, user and password and that the database is reachable.";
  }

  /** The first lines of Flyway's message, without its separators and documentation links. */
  private static String firstLines(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int lines = 0;
    for (String line : message.strip().split("\\R")) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("---") || text.startsWith("Need more flexibility")) {
        continue;
      }
      out.append(text).append(text.endsWith(".") ? " " : ". ");
      if (++lines == 3) {
        break;
      }
    }
    return out.toString().strip();
  }
}
