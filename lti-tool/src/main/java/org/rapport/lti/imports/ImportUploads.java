package org.rapport.lti.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.admin.InvalidRequestException;
import org.rapport.lti.admin.RegistrationRepository;

/**
 * Accepts an uploaded file for a tenant and starts its import job (the API and the page share it).
 */
@ApplicationScoped
public class ImportUploads {
  /** The largest file accepted, in bytes. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  @Inject ImportJobs jobs;
  @Inject ImportRunner runner;
  @Inject RegistrationRepository registrations;

  /** The fields of an upload form. */
  record Form(Long registrationId, String fileName, byte[] file) {}

  static Form form(String contentType, byte[] body, Long registrationFromQuery) {
    String boundary = ImportFiles.boundary(contentType);
    if (boundary == null) {
      throw new InvalidRequestException(
          List.of("The form has no multipart boundary; send it as multipart/form-data."));
    }
    Map<String, ImportFiles.Part> parts = ImportFiles.parts(body, boundary);
    ImportFiles.Part file = parts.get("file");
    if (file == null) {
      file = parts.values().stream().filter(p -> p.fileName() != null).findFirst().orElse(null);
    }
    if (file == null) {
      throw new InvalidRequestException(
          List.of("file: the form has no file; choose the CSV file in the field named 'file'."));
    }
    Long registration = registrationFromQuery;
    ImportFiles.Part field = parts.get("registration");
    if (registration == null && field != null && field.text().matches("[0-9]{1,18}")) {
      registration = Long.parseLong(field.text());
    }
    return new Form(registration, file.fileName(), file.content());
  }

  /** Checks the upload and starts its job; a file imported before finishes at once, unchanged. */
  public ImportJobView upload(Long registrationId, String fileName, byte[] file, String actor) {
    List<String> problems = new ArrayList<>();
    if (registrationId == null) {
      problems.add("registration: say which tenant the results belong to, e.g. ?registration=1.");
    } else if (registrations.find(registrationId).isEmpty()) {
      problems.add(
          "registration: there is no registration (tenant) with id " + registrationId + ".");
    }
    if (file == null || file.length == 0) {
      problems.add("file: the file is empty; upload the CSV file with its header row.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (file.length > MAX_BYTES) {
      throw new ClientErrorException(
          Response.status(413)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "status",
                      413,
                      "error",
                      "The file is larger than "
                          + (MAX_BYTES / 1024 / 1024)
                          + " MB; split it into several files and import them one after another."))
              .build());
    }
    String name = fileName == null || fileName.isBlank() ? null : clip(fileName.strip());
    String sha = ImportFiles.sha256(file);
    long jobId = jobs.create(registrationId, name, sha, actor);
    Optional<Long> before = jobs.importedBefore(registrationId, sha);
    if (before.isPresent()) {
      int rows;
      try {
        rows = ImportRunner.countRows(file);
      } catch (java.io.IOException e) {
        rows = 0;
      }
      jobs.unchanged(
          jobId,
          rows,
          "This file was imported before (import " + before.get() + "); nothing changed.");
    } else {
      runner.start(jobId, registrationId, file, name, actor);
    }
    return jobs.view(jobId, true).orElseThrow();
  }

  private static String clip(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.length() <= 255 ? base : base.substring(0, 255);
  }
}
