package org.rapport.lti.launch;

import java.net.URI;

/** The origin (scheme, host, port) of a platform URL, for checking postMessage senders. */
final class PlatformOrigin {
  private PlatformOrigin() {}

  static String of(URI uri) {
    int port = uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port);
  }
}
