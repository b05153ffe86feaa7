package org.rapport.lti.testdata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of the test LMS: the JDK's HTTP server on 127.0.0.1 (random port), which records
 * every request it receives, answers a path a test scripted (a fixed answer or a handler of the
 * test's own: a hostile platform, a broken one) and hands every other request to the LMS's own
 * endpoints. Also the few HTTP helpers every endpoint needs.
 */
public final class LmsHttpServer implements AutoCloseable {
  /** More than any test sends; a load test's requests are not all kept. */
  private static final int RECORDED_AT_MOST = 20_000;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(6);
  private final HttpHandler endpoints;
  private final Map<String, HttpHandler> scripted = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private LmsHttpServer(HttpHandler endpoints) {
    this.endpoints = endpoints;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  /** Starts serving; requests no test scripted go to {@code endpoints}. */
  public static LmsHttpServer start(HttpHandler endpoints) {
    return new LmsHttpServer(endpoints);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI uri(String path) {
    return URI.create(base() + path);
  }

  /** Requests for exactly this path are answered by {@code handler} from now on. */
  public void answer(String path, HttpHandler handler) {
    scripted.put(path, handler);
  }

  /** Requests for exactly this path get this answer from now on. */
  public void answer(String path, int status, String contentType, byte[] body) {
    answer(
        path,
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
          } catch (IOException clientStoppedReading) {
            // a client that caps what it reads stops reading a huge answer
          }
        });
  }

  /** The path is the LMS's own again (or unknown). */
  public void forget(String path) {
    scripted.remove(path);
  }

  /** Every request received, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests received for this path, oldest first. */
  public List<RecordedRequest> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    exchange.setStreams(new ByteArrayInputStream(body), null);
    String path = exchange.getRequestURI().getPath();
    if (requests.size() < RECORDED_AT_MOST) {
      Map<String, List<String>> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      requests.add(
          new RecordedRequest(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(headers),
              new String(body, StandardCharsets.UTF_8)));
    }
    endpointFor(path).handle(exchange);
  }

  private HttpHandler endpointFor(String path) {
    HttpHandler handler = scripted.get(path);
    return handler != null ? handler : endpoints;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- helpers for endpoints ----

  public static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The decoded parameters of a query string or form body; the first value of a name wins. */
  public static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(values);
  }
}
