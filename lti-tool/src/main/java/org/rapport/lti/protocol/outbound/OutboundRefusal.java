package org.rapport.lti.protocol.outbound;

/** Why Rapport refused to call, or to keep reading from, a platform-supplied URL. */
public enum OutboundRefusal {
  NOT_ABSOLUTE("The address is not an absolute http(s) URL with a host name."),
  NOT_HTTPS(
      "The address does not use https; outside development mode Rapport calls platforms only over"
          + " https."),
  USER_INFO("The address carries a user name or password, which Rapport never sends."),
  NUMERIC_HOST_FORM(
      "The host is a number in an unusual form (hexadecimal, octal, a single integer or fewer than"
          + " four parts); write the host name or a plain dotted address."),
  UNRESOLVABLE("The host name could not be resolved."),
  LOOPBACK(
      "The host resolves to a loopback address (this server itself); Rapport calls such addresses"
          + " only when rapport.outbound.allow-loopback is true (development)."),
  UNSPECIFIED("The host resolves to an unspecified address (0.0.0.0/8 or ::)."),
  PRIVATE(
      "The host resolves to a private network address (10/8, 172.16/12, 192.168/16, 100.64/10 or"
          + " IPv6 unique-local); Rapport does not call into internal networks."),
  LINK_LOCAL(
      "The host resolves to a link-local address (169.254/16, which includes cloud metadata"
          + " services, or fe80::/10)."),
  MULTICAST("The host resolves to a multicast or broadcast address."),
  RESERVED(
      "The host resolves to a reserved, documentation or IPv4-in-IPv6 address that is not a public"
          + " destination."),
  TOO_MANY_REDIRECTS("The address redirected too many times."),
  BAD_REDIRECT("The address redirected without a usable Location."),
  BODY_TOO_LARGE("The answer is larger than Rapport accepts for this kind of request."),
  MALFORMED_ANSWER("The answer is not well-formed HTTP/1.1.");

  private final String sentence;

  OutboundRefusal(String sentence) {
    this.sentence = sentence;
  }

  /** A sentence an administrator can act on. */
  public String sentence() {
    return sentence;
  }
}
