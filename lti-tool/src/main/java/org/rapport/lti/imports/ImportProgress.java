package org.rapport.lti.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of running imports, kept in memory so that the job page can show it while the rows are
 * written in one long transaction (the job row itself only changes when that transaction commits).
 */
@ApplicationScoped
public class ImportProgress {
  /** A running job's phase and rows handled so far. */
  public record Snapshot(ImportState state, long processed, long total) {}

  private final Map<Long, Snapshot> running = new ConcurrentHashMap<>();

  void update(long jobId, ImportState state, long processed, long total) {
    running.put(jobId, new Snapshot(state, processed, total));
  }

  void done(long jobId) {
    running.remove(jobId);
  }

  public Optional<Snapshot> of(long jobId) {
    return Optional.ofNullable(running.get(jobId));
  }
}
