package org.rapport.lti.observed;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapport.lti.session.HmacSha256;

/**
 * The token of a one-time rating link: {@code <rater id>.<issue>.<MAC>}, the MAC an HMAC-SHA256 of
 * both numbers under the server's {@code rater-links} secret (base64url, no padding). Nothing of it
 * is stored: the rater row's issue number says which link is current, so raising it revokes every
 * earlier link, and a rotated secret still verifies links signed before the rotation.
 */
public record RaterLinkToken(long raterId, int issue) {
  private static final Pattern FORMAT =
      Pattern.compile("([1-9][0-9]{0,17})\\.([0-9]{1,9})\\.([A-Za-z0-9_-]{43})");

  /** The token for this rater and issue, signed with {@code key}. */
  public String sign(byte[] key) {
    try {
      return raterId
          + "."
          + issue
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(HmacSha256.of(key, data()));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("The rater-links secret is not a usable HMAC key", e);
    }
  }

  /**
   * The rater and issue a token names when it is well formed and its MAC verifies under one of
   * {@code keys} (the current secret first); empty for anything else.
   */
  public static Optional<RaterLinkToken> verify(String token, List<byte[]> keys) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    RaterLinkToken named =
        new RaterLinkToken(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
    byte[] mac = Base64.getUrlDecoder().decode(m.group(3));
    for (byte[] key : keys) {
      if (HmacSha256.matches(key, named.data(), mac)) {
        return Optional.of(named);
      }
    }
    return Optional.empty();
  }

  private byte[] data() {
    return ("rater-link:" + raterId + ":" + issue).getBytes(StandardCharsets.US_ASCII);
  }
}
