package org.rapport.lti.protocol.outbound;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A platform's complete answer, read within the size limit of its request.
 *
 * @param uri the address that answered (after any redirects)
 */
public record OutboundResponse(URI uri, int statusCode, HttpHeaders headers, byte[] body) {
  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
