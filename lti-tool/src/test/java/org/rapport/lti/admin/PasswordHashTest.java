package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void newHashesUsePbkdf2Sha256WithAtLeast600000IterationsStoredWithTheHash() {
    String stored = PasswordHash.of("correct horse battery");
    String[] parts = stored.split("\\$");
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 600_000, stored);
    assertEquals(600_000, PasswordHash.iterations(stored));
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    assertTrue(PasswordHash.matches("correct horse battery", stored));
    assertFalse(PasswordHash.matches("correct horse batterY", stored));
    assertNotEquals(stored, PasswordHash.of("correct horse battery"), "a fresh salt every time");
  }

  @Test
  void aHashOfTheCurrentPolicyNeedsNoRehash() {
    assertFalse(PasswordHash.needsRehash(PasswordHash.of("a password of today")));
  }

  @Test
  void fewerIterationsThanThePolicyNeedARehashButStillVerify() {
    String weaker = PasswordHash.of("an older password", 1_000);
    assertTrue(PasswordHash.matches("an older password", weaker));
    assertTrue(PasswordHash.needsRehash(weaker));
  }

  @Test
  void theFormerFormatStillVerifiesAndNeedsARehash() throws Exception {
    // The form Rapport wrote before: pbkdf2$120000$salt$hash (PBKDF2-HMAC-SHA256).
    byte[] salt = "sixteen byte salt".substring(0, 16).getBytes(StandardCharsets.UTF_8);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec("legacy password".toCharArray(), salt, 120_000, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    String legacy = "pbkdf2$120000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    assertTrue(PasswordHash.matches("legacy password", legacy));
    assertFalse(PasswordHash.matches("wrong password", legacy));
    assertTrue(PasswordHash.needsRehash(legacy));
  }

  @Test
  void unreadableHashesNeverMatch() {
    assertFalse(PasswordHash.matches("x", "plain-text"));
    assertFalse(PasswordHash.matches("x", "md5$1$abc$def"));
    assertFalse(PasswordHash.matches("x", "pbkdf2-sha256$notanumber$abc$def"));
    assertFalse(PasswordHash.matches(null, PasswordHash.DUMMY));
    assertTrue(PasswordHash.needsRehash("plain-text"));
  }

  @Test
  void aStoredHashWithAnyPartChangedNoLongerMatches() {
    String stored = PasswordHash.of("correct horse battery", 1_000);
    String[] parts = stored.split("\\$");
    String otherSalt = PasswordHash.of("correct horse battery", 1_000).split("\\$")[2];
    assertTrue(PasswordHash.matches("correct horse battery", stored));
    assertFalse(
        PasswordHash.matches("correct horse battery", stored.replace("$1000$", "$1001$")),
        "iterations changed");
    assertFalse(
        PasswordHash.matches(
            "correct horse battery", parts[0] + "$" + parts[1] + "$" + otherSalt + "$" + parts[3]),
        "salt changed");
    assertFalse(
        PasswordHash.matches(
            "correct horse battery",
            parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + parts[3].substring(1)),
        "hash cut short");
    assertFalse(
        PasswordHash.matches("correct horse battery", stored.replace("pbkdf2-sha256", "sha256")),
        "unknown algorithm");
    assertFalse(PasswordHash.matches("correct horse battery", stored.replace("$1000$", "$0$")));
    assertFalse(PasswordHash.matches("correct horse battery", null));
  }

  @Test
  void theDummyHashMatchesNoPasswordAnUnknownUserCouldTry() {
    assertFalse(PasswordHash.matches("", PasswordHash.DUMMY));
    assertFalse(PasswordHash.matches("no account has this password", PasswordHash.DUMMY));
    assertEquals(PasswordHash.ITERATIONS, PasswordHash.iterations(PasswordHash.DUMMY));
  }
}
