package org.rapport.lti.imports;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.web.InvalidRequestException;

/**
 * The fields of an upload form sent as {@code multipart/form-data}: the file (the part named {@code
 * file}, or else the first part with a file name) and the tenant (the part named {@code
 * registration}, unless the address names it). The file stays a stream, so that {@link
 * ImportUploads#spool} refuses an oversized file without holding it whole.
 */
record UploadForm(Long registrationId, String fileName, InputStream file) {
  private static final int MAX_FIELD_BYTES = 64;

  static UploadForm of(List<EntityPart> parts, Long registrationFromQuery) {
    EntityPart file =
        named(parts, "file")
            .or(() -> parts.stream().filter(p -> p.getFileName().isPresent()).findFirst())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        List.of(
                            "file: the form has no file; choose the CSV file in the field named"
                                + " 'file'.")));
    Long registration = registrationFromQuery;
    if (registration == null) {
      registration =
          named(parts, "registration")
              .map(p -> new String(read(p, MAX_FIELD_BYTES), StandardCharsets.UTF_8).strip())
              .filter(text -> text.matches("[0-9]{1,18}"))
              .map(Long::parseLong)
              .orElse(null);
    }
    return new UploadForm(registration, file.getFileName().orElse(null), file.getContent());
  }

  /** Whether the form's checkbox {@code name} was ticked (sent as on, true, yes or 1). */
  static boolean checked(List<EntityPart> parts, String name) {
    return named(parts, name)
        .map(p -> new String(read(p, MAX_FIELD_BYTES), StandardCharsets.UTF_8).strip())
        .map(UploadForm::yes)
        .orElse(false);
  }

  /** Whether a flag's text says yes: on, true, yes or 1, in any case. */
  static boolean yes(String text) {
    return text != null
        && switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "on", "true", "yes", "1" -> true;
          default -> false;
        };
  }

  private static Optional<EntityPart> named(List<EntityPart> parts, String name) {
    return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  private static byte[] read(EntityPart part, int limit) {
    try (InputStream in = part.getContent()) {
      return in.readNBytes(limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
