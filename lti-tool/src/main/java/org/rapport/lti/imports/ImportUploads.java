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
import org.rapport.lti.limits.RequestLimitSettings;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.web.InvalidRequestException;

/**
 * Accepts an uploaded file for a tenant and starts its import job (the API and the page share it).
 */
@ApplicationScoped
public class ImportUploads {
  @Inject ImportJobs jobs;
  @Inject ImportRunner runner;
  @Inject RegistrationRepository registrations;
  @Inject RequestLimitSettings limits;

  /** Keeps an upload in a temporary file, refusing it with 413 once it passes the limit. */
  public ImportSpool spool(java.io.InputStream upload) {
    try {
      return ImportSpool.of(upload, limits.importBytes());
    } catch (ImportSpool.TooLarge e) {
      throw tooLarge(e.limit());
    }
  }

  private static ClientErrorException tooLarge(long limit) {
    return new ClientErrorException(
        Response.status(413)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header("Connection", "close")
            .entity(
                Map.of(
                    "status",
                    413,
                    "error",
                    "The file is larger than the "
                        + limit
                        + " bytes Rapport accepts; split it into several files and import them"
                        + " one after another."))
            .build());
  }

  /**
   * Checks the upload and starts its job; a file imported before finishes at once, unchanged. The
   * spooled file is deleted when the job ends, or at once when it does not start.
   */
  public ImportJobView upload(
      Long registrationId, String fileName, ImportSpool file, String actor) {
    boolean started = false;
    try {
      List<String> problems = new ArrayList<>();
      if (registrationId == null) {
        problems.add("registration: say which tenant the results belong to, e.g. ?registration=1.");
      } else if (registrations.find(registrationId).isEmpty()) {
        problems.add(
            "registration: there is no registration (tenant) with id " + registrationId + ".");
      }
      if (file.size() == 0) {
        problems.add("file: the file is empty; upload the CSV file with its header row.");
      }
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(problems);
      }
      String name = fileName == null || fileName.isBlank() ? null : clip(fileName.strip());
      long jobId = jobs.create(registrationId, name, file.sha256(), actor);
      Optional<Long> before = jobs.importedBefore(registrationId, file.sha256());
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
        started = true;
      }
      return jobs.view(jobId, true).orElseThrow();
    } finally {
      if (!started) {
        file.delete();
      }
    }
  }

  private static String clip(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.length() <= 255 ? base : base.substring(0, 255);
  }
}
