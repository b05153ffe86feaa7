package org.rapport.lti.protocol.outbound;

import java.io.IOException;
import java.net.URI;

/**
 * A call to a platform-supplied URL that Rapport refused to make or to finish. It is an {@link
 * IOException} so that every caller already reporting "could not reach the platform" reports this
 * too, with the reason in the message.
 */
public final class OutboundRefused extends IOException {
  private final transient OutboundRefusal reason;
  private final transient URI uri;

  public OutboundRefused(OutboundRefusal reason, URI uri, String detail) {
    super(
        "Rapport refused the request to "
            + uri
            + ": "
            + reason.sentence()
            + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
    this.reason = reason;
    this.uri = uri;
  }

  public OutboundRefusal reason() {
    return reason;
  }

  public URI uri() {
    return uri;
  }
}
