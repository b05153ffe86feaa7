package org.rapport.lti.testdata;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                javaBinary(),
                "-Xmx768m",
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
    builder.environment().putAll(environment);
    File log = new File("target/" + logName + ".log");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    PayaraMicroProcess micro = new PayaraMicroProcess(builder.start(), port);
    micro.awaitReady(Duration.ofSeconds(180));
    return micro;
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
    Instant deadline = Instant.now().plus(timeout);
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> answer =
            http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("database")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("Rapport did not become ready within " + timeout);
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
