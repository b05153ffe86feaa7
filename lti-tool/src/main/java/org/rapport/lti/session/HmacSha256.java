package org.rapport.lti.session;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with one {@link Mac} per thread, looked up once: {@code Mac.getInstance} walks the
 * security providers on every call (through the application server's class loaders), which made it
 * the largest single cost of checking a session token on every request.
 */
public final class HmacSha256 {
  public static final String ALGORITHM = "HmacSHA256";

  /** The shortest key HS256 accepts (RFC 7518 §3.2: at least the hash's 256 bits). */
  static final int MINIMUM_KEY_BYTES = 32;

  private static final ThreadLocal<Mac> MAC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance(ALGORITHM);
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("The JDK offers no " + ALGORITHM, e);
            }
          });

  private HmacSha256() {}

  /** The MAC of {@code data} under {@code key} (at least {@link #MINIMUM_KEY_BYTES} long). */
  public static byte[] of(byte[] key, byte[] data) throws InvalidKeyException {
    if (key.length < MINIMUM_KEY_BYTES) {
      throw new InvalidKeyException("An HS256 key needs at least 256 bits");
    }
    Mac mac = MAC.get();
    mac.init(new SecretKeySpec(key, ALGORITHM));
    return mac.doFinal(data);
  }

  /**
   * Whether {@code mac} is the MAC of {@code data} under {@code key}, compared in constant time.
   */
  public static boolean matches(byte[] key, byte[] data, byte[] mac) {
    try {
      return MessageDigest.isEqual(of(key, data), mac);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
