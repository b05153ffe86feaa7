package org.rapport.lti.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicUrlCheckTest {
  @Test
  void outsideDevelopmentModeThePublicUrlIsRequiredAndTheMessageNamesTheKey() {
    Optional<String> problem = PublicUrlCheck.problem(false, Optional.empty());
    assertTrue(problem.isPresent());
    assertTrue(problem.get().contains("rapport.public-url"), problem.get());
    assertTrue(problem.get().contains("RAPPORT_PUBLIC_URL"), problem.get());
    assertTrue(PublicUrlCheck.problem(false, Optional.of("  ")).isPresent());
    assertEquals(Optional.empty(), PublicUrlCheck.problem(true, Optional.empty()));
    assertEquals(
        Optional.empty(),
        PublicUrlCheck.problem(false, Optional.of("https://rapport.example.edu")));
  }

  @Test
  void aPublicUrlMustBeAnAbsoluteWebAddress() {
    for (String bad :
        new String[] {
          "rapport.example.edu", "ftp://x.example", "https://x.example/?a=b", "ht tp://"
        }) {
      assertTrue(PublicUrlCheck.problem(false, Optional.of(bad)).isPresent(), bad);
    }
  }

  @Test
  void aConfiguredPublicUrlWinsOverTheRequestsHost() {
    RapportSettings settings = new RapportSettings();
    settings.publicUrl = Optional.of("https://rapport.example.edu/");
    assertEquals(
        URI.create("https://rapport.example.edu"),
        settings.publicUrl(URI.create("http://attacker.example:8080/")));
  }

  @Test
  void keySecretsAreBase64OfAtLeast32Bytes(@TempDir Path dir) throws Exception {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7);
    }
    String encoded = Base64.getEncoder().encodeToString(key);
    assertEquals(32, ExternalSecrets.decode("tool-session", encoded).length);
    assertEquals(
        32,
        ExternalSecrets.decode("tool-session", Base64.getUrlEncoder().encodeToString(key)).length);
    IllegalStateException shortKey =
        assertThrows(
            IllegalStateException.class,
            () ->
                ExternalSecrets.decode(
                    "tool-session", Base64.getEncoder().encodeToString(new byte[16])));
    assertTrue(shortKey.getMessage().contains("rapport.secrets.tool-session"));
    IllegalStateException notBase64 =
        assertThrows(IllegalStateException.class, () -> ExternalSecrets.decode("x", "%%%"));
    assertTrue(!notBase64.getMessage().contains("%%%"), "never the value");

    ExternalSecrets secrets = new ExternalSecrets();
    secrets.directory = Optional.of(dir.toString());
    secrets.config = new EmptyConfig();
    Files.writeString(dir.resolve("research-export"), encoded + "\n", StandardCharsets.UTF_8);
    assertEquals(Optional.of(encoded), secrets.value("research-export"));
    assertEquals(Optional.empty(), secrets.value("tool-session"));
    assertThrows(IllegalArgumentException.class, () -> secrets.value("../etc/passwd"));
  }
}
