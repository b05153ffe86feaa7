package org.rapport.lti.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Administrator password hashes: PBKDF2-HMAC-SHA256 stored with their algorithm and parameters, as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. Hashes written before the current policy (the
 * older {@code pbkdf2$120000$…} form, or fewer iterations) still verify, and {@link #needsRehash}
 * says to replace them at the next successful sign-in.
 */
final class PasswordHash {
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  static final int ITERATIONS = 600_000;

  static final String ALGORITHM = "pbkdf2-sha256";
  private static final String LEGACY_ALGORITHM = "pbkdf2";
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Verified when no account has the given user name, so that an unknown user name costs as much
   * time as a wrong password and sign-in timing does not reveal which accounts exist.
   */
  static final String DUMMY = of("no account has this password " + RANDOM.nextLong());

  private PasswordHash() {}

  static String of(String password) {
    return of(password, ITERATIONS);
  }

  static String of(String password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return ALGORITHM
        + "$"
        + iterations
        + "$"
        + b64(salt)
        + "$"
        + b64(derive(password, salt, iterations));
  }

  static boolean matches(String password, String stored) {
    Parsed parsed = Parsed.of(stored);
    if (parsed == null || password == null) {
      return false;
    }
    return MessageDigest.isEqual(parsed.hash, derive(password, parsed.salt, parsed.iterations));
  }

  /** True when {@code stored} was written with another algorithm or fewer iterations than now. */
  static boolean needsRehash(String stored) {
    Parsed parsed = Parsed.of(stored);
    return parsed == null || !parsed.algorithm.equals(ALGORITHM) || parsed.iterations < ITERATIONS;
  }

  /** The iterations a stored hash was made with, or 0 when it cannot be read. */
  static int iterations(String stored) {
    Parsed parsed = Parsed.of(stored);
    return parsed == null ? 0 : parsed.iterations;
  }

  private record Parsed(String algorithm, int iterations, byte[] salt, byte[] hash) {
    static Parsed of(String stored) {
      if (stored == null) {
        return null;
      }
      String[] parts = stored.split("\\$");
      if (parts.length != 4 || !(parts[0].equals(ALGORITHM) || parts[0].equals(LEGACY_ALGORITHM))) {
        return null;
      }
      try {
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1) {
          return null;
        }
        return new Parsed(
            parts[0],
            iterations,
            Base64.getDecoder().decode(parts[2]),
            Base64.getDecoder().decode(parts[3]));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }
}
