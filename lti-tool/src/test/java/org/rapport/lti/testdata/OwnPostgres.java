package org.rapport.lti.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (initdb and pg_ctl from {@code /usr/lib/postgresql/<n>/bin}),
 * on 127.0.0.1 only, with its data directory under {@code target}: a test may stop and start it
 * without touching any other server on the machine. Started as the {@code postgres} user when the
 * build runs as root (PostgreSQL refuses to run as root). Stopped by {@link #close()} and, should
 * the test JVM end first, by a shutdown hook.
 */
public final class OwnPostgres implements AutoCloseable {
  private final Path bin;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;
  private final Thread stopAtExit;

  private OwnPostgres(Path bin, Path data, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.stopAtExit = new Thread(this::stopQuietly, "stop-test-postgres");
  }

  /** A fresh cluster in {@code data} (emptied first), started on 127.0.0.1:{@code port}. */
  public static OwnPostgres create(Path data, int port) throws IOException, InterruptedException {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    OwnPostgres server = new OwnPostgres(bin, data.toAbsolutePath(), port, root);
    server.stopQuietly(); // left running by an earlier run that was killed
    delete(data);
    Files.createDirectories(data);
    if (root) {
      UserPrincipal postgres =
          data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(data, postgres);
    }
    server.run(
        "initdb", "-D", server.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8");
    Runtime.getRuntime().addShutdownHook(server.stopAtExit);
    server.start();
    return server;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public void createDatabase(String name) throws SQLException {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Unsafe database name: " + name);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
  }

  /** Starts the server and waits until it accepts connections. */
  public void start() throws IOException, InterruptedException {
    run(
        "pg_ctl",
        "-D",
        data.toString(),
        "-w",
        "-t",
        "60",
        "-l",
        data.resolve("server.log").toString(),
        "-o",
        "-c listen_addresses=127.0.0.1 -p "
            + port
            + " -c unix_socket_directories='"
            + data
            + "' -c fsync=off -c max_connections=60",
        "start");
  }

  /** Stops the server (fast mode: open connections are cut, as when the database host fails). */
  public void stop() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop");
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running
    }
  }

  private void stopQuietly() {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      try {
        stop();
      } catch (IOException | InterruptedException | IllegalStateException e) {
        System.err.println("Could not stop the test's PostgreSQL in " + data + ": " + e);
      }
    }
  }

  private void run(String program, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .directory(data.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(data.resolveSibling("pg.out").toFile()))
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(program + " did not finish in 120 s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          program
              + " failed with "
              + process.exitValue()
              + "; see "
              + data.resolveSibling("pg.out"));
    }
  }

  /** The newest installed PostgreSQL's programs. */
  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL under " + root));
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
