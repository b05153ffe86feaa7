package org.rapport.lti.protocol.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which platform-supplied addresses Rapport may call. Outside development mode only https is
 * allowed; an address is refused when it is not a public unicast destination (loopback, private,
 * carrier-grade NAT, link-local including the cloud metadata address 169.254.169.254, unique-local
 * and link-local IPv6, unspecified, multicast, reserved and documentation ranges), and an IPv6
 * address that embeds an IPv4 one (mapped, 6to4, NAT64) is judged by the IPv4 address it carries.
 *
 * @param requireHttps refuse plain http (off only in development mode)
 * @param allowLoopback let 127.0.0.0/8 and ::1 through (development mode and tests, where the
 *     platform runs on the same machine)
 */
public record OutboundPolicy(boolean requireHttps, boolean allowLoopback) {
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  // Anything a C resolver would read as an IPv4 address (inet_aton): 1 to 4 parts, each decimal,
  // octal or hexadecimal. Such a host is refused unless it is a plain dotted quad, because forms
  // like 0x7f000001 or 2130706433 exist mostly to slip past checks on the text.
  private static final Pattern NUMERIC_HOST =
      Pattern.compile(
          "(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?", Pattern.CASE_INSENSITIVE);

  /** Production: https only, no loopback. */
  public static OutboundPolicy production() {
    return new OutboundPolicy(true, false);
  }

  /** Development and tests: http allowed, loopback allowed, every other internal range refused. */
  public static OutboundPolicy development() {
    return new OutboundPolicy(false, true);
  }

  /** What is wrong with the URL's form (scheme, host, user info), before any name is resolved. */
  public Optional<OutboundRefusal> refusal(URI uri) {
    if (uri != null && uri.getHost() == null && uri.getRawAuthority() != null) {
      // java.net.URI gives no host for forms like 127.1 or 0x7f.0.0.1; say why they are refused.
      String authority = uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
      if (NUMERIC_HOST.matcher(authority).matches()) {
        return Optional.of(OutboundRefusal.NUMERIC_HOST_FORM);
      }
    }
    if (uri == null
        || !uri.isAbsolute()
        || uri.isOpaque()
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      return Optional.of(OutboundRefusal.NOT_ABSOLUTE);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of(OutboundRefusal.NOT_ABSOLUTE);
    }
    if (requireHttps && !scheme.equals("https")) {
      return Optional.of(OutboundRefusal.NOT_HTTPS);
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of(OutboundRefusal.USER_INFO);
    }
    String host = uri.getHost();
    if (!host.startsWith("[")
        && NUMERIC_HOST.matcher(host).matches()
        && !DOTTED_QUAD.matcher(host).matches()) {
      return Optional.of(OutboundRefusal.NUMERIC_HOST_FORM);
    }
    return Optional.empty();
  }

  /** Why Rapport must not connect to this address, or empty when it may. */
  public Optional<OutboundRefusal> refusal(InetAddress address) {
    Optional<OutboundRefusal> kind = classify(address);
    if (kind.isPresent() && kind.get() == OutboundRefusal.LOOPBACK && allowLoopback) {
      return Optional.empty();
    }
    return kind;
  }

  /** The kind of non-public address this is, loopback included, or empty for a public one. */
  static Optional<OutboundRefusal> classify(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return classify4(b, 0);
    }
    if (address instanceof Inet6Address) {
      return classify6(b);
    }
    return Optional.of(OutboundRefusal.RESERVED);
  }

  private static Optional<OutboundRefusal> classify4(byte[] bytes, int at) {
    int a = bytes[at] & 0xff;
    int b = bytes[at + 1] & 0xff;
    int c = bytes[at + 2] & 0xff;
    if (a == 0) {
      return Optional.of(OutboundRefusal.UNSPECIFIED);
    }
    if (a == 127) {
      return Optional.of(OutboundRefusal.LOOPBACK);
    }
    if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
      return Optional.of(OutboundRefusal.PRIVATE);
    }
    if (a == 100 && b >= 64 && b <= 127) {
      return Optional.of(OutboundRefusal.PRIVATE);
    }
    if (a == 169 && b == 254) {
      return Optional.of(OutboundRefusal.LINK_LOCAL);
    }
    if (a >= 224 && a <= 239) {
      return Optional.of(OutboundRefusal.MULTICAST);
    }
    if (a >= 240) {
      return Optional.of(OutboundRefusal.RESERVED);
    }
    if ((a == 192 && b == 0 && (c == 0 || c == 2))
        || (a == 198 && (b == 18 || b == 19))
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || (a == 192 && b == 88 && c == 99)) {
      return Optional.of(OutboundRefusal.RESERVED);
    }
    return Optional.empty();
  }

  private static Optional<OutboundRefusal> classify6(byte[] b) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= b[i] == 0;
    }
    if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      // IPv4-mapped (::ffff:a.b.c.d): a socket to it reaches the IPv4 address.
      return classify4(b, 12).or(() -> Optional.of(OutboundRefusal.RESERVED));
    }
    if (firstTenZero && b[10] == 0 && b[11] == 0) {
      boolean zeroUpTo15 = b[12] == 0 && b[13] == 0 && b[14] == 0;
      if (zeroUpTo15 && b[15] == 0) {
        return Optional.of(OutboundRefusal.UNSPECIFIED);
      }
      if (zeroUpTo15 && b[15] == 1) {
        return Optional.of(OutboundRefusal.LOOPBACK);
      }
      // IPv4-compatible (deprecated): never a legitimate destination.
      return Optional.of(OutboundRefusal.RESERVED);
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0xff) {
      return Optional.of(OutboundRefusal.MULTICAST);
    }
    if ((first & 0xfe) == 0xfc) {
      return Optional.of(OutboundRefusal.PRIVATE);
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return Optional.of(OutboundRefusal.LINK_LOCAL);
    }
    if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return Optional.of(OutboundRefusal.PRIVATE);
    }
    if (first == 0x20 && second == 0x02) {
      // 6to4: the IPv4 address sits in bytes 2..5.
      return classify4(b, 2);
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      // NAT64 well-known prefix 64:ff9b::/96.
      return classify4(b, 12);
    }
    if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return Optional.of(OutboundRefusal.RESERVED);
    }
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
      // Teredo tunnels: the real destination is hidden in the address.
      return Optional.of(OutboundRefusal.RESERVED);
    }
    if (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0) {
      return Optional.of(OutboundRefusal.RESERVED);
    }
    return Optional.empty();
  }
}
