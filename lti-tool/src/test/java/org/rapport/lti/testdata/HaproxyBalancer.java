package org.rapport.lti.testdata;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real HAProxy (Debian's {@code haproxy}, which {@code bin/test} installs when missing) in front
 * of Rapport nodes on 127.0.0.1: round robin per request, no stickiness, health checks on {@code
 * /health/ready}, a request that cannot reach a node sent to another one, and the answering node's
 * name in the response header {@code X-Rapport-Node}. The configuration is the README's example.
 */
public final class HaproxyBalancer implements AutoCloseable {
  public static final String NODE_HEADER = "X-Rapport-Node";

  private final Process process;
  private final int port;

  private HaproxyBalancer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** A free port on 127.0.0.1 for the balancer, known before the nodes start (their public URL). */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts HAProxy on {@code port} for the named nodes (name → port); waits until all are up. */
  public static HaproxyBalancer start(int port, Map<String, Integer> nodes, Path workDirectory)
      throws IOException, InterruptedException {
    String haproxy = executable();
    StringBuilder config =
        new StringBuilder(
            """
            global
                maxconn 4096

            defaults
                mode http
                timeout connect 2s
                timeout client 60s
                timeout server 60s
                timeout check 5s
                option forwardfor
                retries 3
                option redispatch 1
                retry-on conn-failure empty-response

            frontend rapport
                bind 127.0.0.1:%d
                default_backend rapport_nodes

            backend rapport_nodes
                balance roundrobin
                option httpchk GET /health/ready
                http-check expect status 200
                http-response set-header %s %%s
            """
                .formatted(port, NODE_HEADER));
    nodes.forEach(
        (name, nodePort) ->
            config.append(
                "    server %s 127.0.0.1:%d check inter 500 fall 3 rise 2%n"
                    .formatted(name, nodePort)));
    Files.createDirectories(workDirectory);
    Path file = workDirectory.resolve("haproxy.cfg");
    Files.writeString(file, config.toString());
    ProcessBuilder builder = new ProcessBuilder(haproxy, "-db", "-f", file.toString());
    builder.redirectErrorStream(true).redirectOutput(workDirectory.resolve("haproxy.log").toFile());
    HaproxyBalancer balancer = new HaproxyBalancer(builder.start(), port);
    balancer.awaitNodes(nodes.keySet(), Duration.ofSeconds(30));
    return balancer;
  }

  private static String executable() {
    for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy")) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "HAProxy is not installed: bin/test installs Debian's haproxy package when it is missing"
            + " (apt-get install -y haproxy)");
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public int port() {
    return port;
  }

  /** Waits until requests through the balancer have been answered by every named node. */
  private void awaitNodes(Set<String> names, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException("HAProxy exited with " + process.exitValue());
                }
                readyAnswerFrom(http).ifPresent(seen::add);
                return seen.containsAll(names);
              });
    } catch (ConditionTimeoutException late) {
      throw new IllegalStateException("HAProxy saw only " + seen + " of " + names, late);
    }
  }

  /** The node that answered a readiness check through the balancer, if one answered 200. */
  private Optional<String> readyAnswerFrom(HttpClient http) throws InterruptedException {
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200
          ? answer.headers().firstValue(NODE_HEADER)
          : Optional.empty();
    } catch (IOException notYet) {
      // HAProxy is still binding its port
      return Optional.empty();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
