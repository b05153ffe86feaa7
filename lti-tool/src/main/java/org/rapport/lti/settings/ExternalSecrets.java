package org.rapport.lti.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server secrets supplied by the operator instead of the database: the configuration key {@code
 * rapport.secrets.<name>} (so the environment variable {@code RAPPORT_SECRETS_<NAME>}), or the file
 * {@code <name>} in the directory {@code rapport.secrets.dir} (a mounted secret volume). A database
 * copy then holds no secret of that name. Values are never logged; a problem names the key or file
 * only.
 */
@ApplicationScoped
public class ExternalSecrets {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

  @Inject
  @ConfigProperty(name = "rapport.secrets.dir")
  Optional<String> directory;

  @Inject Config config;

  /** The operator's value of secret {@code name}, when configured. */
  public Optional<String> value(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a secret name: " + name);
    }
    Optional<String> configured =
        config.getOptionalValue("rapport.secrets." + name, String.class).filter(v -> !v.isBlank());
    if (configured.isPresent()) {
      return configured.map(String::strip);
    }
    return directory
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d).resolve(name))
        .filter(Files::isRegularFile)
        .map(ExternalSecrets::read);
  }

  /**
   * The operator's value of a key secret: Base64 (standard or URL-safe) of at least 32 bytes.
   *
   * @throws IllegalStateException naming the key when the value is too short or not Base64
   */
  public Optional<byte[]> key(String name) {
    return value(name).map(v -> decode(name, v));
  }

  static byte[] decode(String name, String value) {
    byte[] bytes;
    try {
      bytes =
          value.contains("-") || value.contains("_")
              ? java.util.Base64.getUrlDecoder().decode(value)
              : java.util.Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The secret rapport.secrets."
              + name
              + " is not Base64; give 32 or more random bytes"
              + " in Base64 (for example: openssl rand -base64 32).");
    }
    if (bytes.length < 32) {
      throw new IllegalStateException(
          "The secret rapport.secrets."
              + name
              + " is shorter than 32 bytes; give 32 or more"
              + " random bytes in Base64 (for example: openssl rand -base64 32).");
    }
    return bytes;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("The secret file " + file + " cannot be read", e);
    }
  }
}
