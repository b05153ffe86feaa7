package org.rapport.lti.testdata;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Starts the shipped WAR on a Payara Micro process of its own, for tests that must stop and start
 * Rapport (Arquillian starts one process per deployment and cannot restart it mid-test).
 */
public final class PayaraMicroProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private PayaraMicroProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Rapport with the integration-test database and extra environment; waits until ready. */
  public static PayaraMicroProcess start(String logName, Map<String, String> environment)
      throws IOException, InterruptedException {
    return start(logName, environment, List.of("-Xmx768m"));
  }

  /** Starts Rapport as {@link #start(String, Map)} does, with these JVM options. */
  public static PayaraMicroProcess start(
      String logName, Map<String, String> environment, List<String> jvmOptions)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return start(logName, environment, jvmOptions, port);
  }

  /**
   * Starts Rapport as {@link #start(String, Map)} does, on {@code port}: a restart on the port of
   * the first start keeps the address, and so everything named after it (the test platform's
   * issuer).
   */
  public static PayaraMicroProcess start(
      String logName, Map<String, String> environment, List<String> jvmOptions, int port)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            "target/payara-micro.jar",
            "--nocluster",
            "--port",
            String.valueOf(port),
            "--prebootcommandfile",
            "src/main/payara/pre-boot-commands.asadmin",
            "--contextroot",
            "/",
            "--deploy",
            "target/lti-tool.war"));
    // The module's directory: the working directory of tests, set by programs run from elsewhere.
    File module = new File(System.getProperty("rapport.module.dir", "."));
    ProcessBuilder builder = new ProcessBuilder(command).directory(module);
    builder.environment().putAll(environment);
    File log = new File(module, "target/" + logName + ".log");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    PayaraMicroProcess micro = new PayaraMicroProcess(builder.start(), port);
    micro.awaitReady(Duration.ofSeconds(300));
    return micro;
  }

  /** The HTTP port Rapport listens on (127.0.0.1). */
  public int port() {
    return port;
  }

  /** Ends the process at once (SIGKILL), as a crash or a lost machine would: no shutdown runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** The operating system's id of the Payara Micro process (for its CPU time and memory). */
  public long pid() {
    return process.pid();
  }

  public RapportClient client() {
    try {
      return new RapportClient(URI.create("http://127.0.0.1:" + port + "/").toURL());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    try {
      Awaitility.await("Rapport ready on port " + port)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(IOException.class) // still starting
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "Payara Micro exited with " + process.exitValue());
                }
                HttpResponse<String> answer =
                    http.send(
                        HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 && answer.body().contains("database");
              });
    } catch (RuntimeException notReady) {
      close();
      throw notReady;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static String javaBinary() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
