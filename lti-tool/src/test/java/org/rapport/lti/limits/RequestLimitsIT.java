package org.rapport.lti.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Body limits and rate limits on the deployed WAR, over raw sockets: an oversized request declares
 * its length and sends only its first kilobyte, so a 413 that arrives proves Rapport decided before
 * reading the body (had it waited for the body, the read below would time out).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestLimitsIT {
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @ParameterizedTest(name = "{0} {1} declaring {3} bytes")
  @Order(1)
  @CsvSource({
    "POST, /lti/launch, application/x-www-form-urlencoded, 10485760, 131072",
    "POST, /lti/login, application/x-www-form-urlencoded, 200000, 131072",
    "POST, /api/admin/imports?registration=1, text/csv, 62914560, 52428800",
    "POST, /api/admin/registrations, application/json, 2097152, 1048576",
  })
  void anOversizedBodyIsRefusedBeforeItIsRead(
      String method, String path, String type, long declared, long limit) throws IOException {
    long start = System.nanoTime();
    String answer =
        exchange(
            method
                + " "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + declared
                + "\r\n\r\n",
            new byte[1024]);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("larger than the " + limit + " bytes"), answer);
    assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered after " + took);
    System.out.printf(
        "413 for %s %s declaring %d bytes after sending 1024, in %d ms%n",
        method, path, declared, took.toMillis());
  }

  @Test
  @Order(2)
  void aChunkedBodyIsCutAtTheLimit() throws IOException {
    // 40 chunks of 4 KiB (160 KiB) without the closing chunk: the limit of /lti/launch is 128 KiB.
    StringBuilder chunks = new StringBuilder();
    String kib4 = "a".repeat(4096);
    for (int i = 0; i < 40; i++) {
      chunks.append("1000\r\n").append(kib4).append("\r\n");
    }
    String answer =
        exchange(
            "POST /lti/launch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                + " application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
            chunks.toString().getBytes(StandardCharsets.US_ASCII));

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
  }

  @Test
  @Order(3)
  void refusedLaunchesFromOneAddressAreLimited() {
    RapportClient rapport = new RapportClient(deployed);
    int refused = 0;
    HttpResponse<String> answer = null;
    for (int i = 0; i < 200; i++) {
      answer = rapport.postForm("/lti/launch", "id_token=not-a-token&state=s");
      if (answer.statusCode() == 429) {
        break;
      }
      assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.body());
      refused++;
    }
    System.out.println("refused launches before 429: " + refused);
    assertEquals(429, answer.statusCode());
    assertEquals(60, refused, "the default budget is 60 refused launches a minute per address");
    long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
  }

  @Test
  @Order(4)
  void refusedLaunchesNamingOnePlatformAreLimitedAcrossAddresses() throws IOException {
    // Unsigned tokens naming one issuer, 55 from each of eleven loopback addresses: each address
    // stays under its own budget of 60, the platform's budget of 600 runs out.
    String claims = "{\"iss\":\"https://loop.example\",\"sub\":\"x\",\"aud\":\"c\"}";
    java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
    String token =
        url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + ".";
    byte[] form = ("id_token=" + token + "&state=s").getBytes(StandardCharsets.US_ASCII);
    String head =
        "POST /lti/launch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
            + " application/x-www-form-urlencoded\r\nContent-Length: "
            + form.length
            + "\r\nConnection: close\r\n\r\n";
    int refused = 0;
    String answer = "";
    for (int address = 2; address <= 12 && !answer.startsWith("HTTP/1.1 429"); address++) {
      java.net.InetAddress from = java.net.InetAddress.getByName("127.0.0." + address);
      for (int i = 0; i < 55; i++) {
        answer = exchange(from, head, form);
        if (answer.startsWith("HTTP/1.1 429")) {
          break;
        }
        assertTrue(answer.matches("(?s)HTTP/1.1 4\\d\\d.*"), answer);
        refused++;
      }
    }
    System.out.println("refused launches naming one platform before 429: " + refused);
    assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
    assertEquals(600, refused, "the default budget is 600 refused launches a minute per platform");
  }

  @Test
  @Order(5)
  void loginInitiationsFromOneAddressAreLimited() {
    RapportClient rapport = new RapportClient(deployed);
    int answered = 0;
    HttpResponse<String> answer = null;
    for (int i = 0; i < 400; i++) {
      answer = rapport.get("/lti/login?iss=https%3A%2F%2Fflood.example&login_hint=x");
      if (answer.statusCode() == 429) {
        break;
      }
      answered++;
    }
    System.out.println("login initiations before 429: " + answered);
    assertEquals(429, answer.statusCode());
    assertEquals(300, answered, "the default budget is 300 login initiations a minute");
    assertTrue(answer.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  @Order(6)
  void aChunkedImportPastTheLimitIsRefusedWhileItIsStreamed() throws IOException {
    // 52 MiB in 64 KiB chunks without a declared length: the import limit is 50 MiB. The upload is
    // streamed to a temporary file and refused when it passes the limit (ImportSpoolTest shows
    // that reading stops there and the part read is deleted).
    String auth = new RapportClient(deployed).adminAuthorization();
    int chunk = 64 * 1024;
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    byte[] data =
        "a,b,c\n".repeat(chunk / 6 + 1).substring(0, chunk).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 52 * 16; i++) {
      body.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      body.write(data);
      body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    long start = System.nanoTime();
    String answer =
        exchange(
            "POST /api/admin/imports?registration=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + auth
                + "\r\nContent-Type: text/csv\r\nAccept: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n",
            body.toByteArray());
    System.out.printf(
        "413 for a chunked import of 52 MiB in %d ms%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("larger than the 52428800 bytes"), answer);
  }

  /** Sends the head and the given part of the body, then reads whatever answer comes. */
  private String exchange(String head, byte[] bodyPart) throws IOException {
    return exchange(java.net.InetAddress.getByName("127.0.0.1"), head, bodyPart);
  }

  /** As {@link #exchange(String, byte[])}, from the given local (loopback) address. */
  private String exchange(java.net.InetAddress from, String head, byte[] bodyPart)
      throws IOException {
    try (Socket socket =
        new Socket(
            java.net.InetAddress.getByName(deployed.getHost()), deployed.getPort(), from, 0)) {
      socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(bodyPart);
        out.flush();
      } catch (IOException closedEarly) {
        // the server may answer and close before taking the whole part: read its answer
      }
      // Read the status line and headers, then the announced body: never wait for the server to
      // close, which it may only do once it gives up on the body we never finish.
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      while (!answer.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c == -1) {
          return answer.toString();
        }
        answer.append((char) c);
      }
      java.util.regex.Matcher length =
          java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
      if (length.find()) {
        answer.append(
            new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8));
      }
      return answer.toString();
    }
  }
}
