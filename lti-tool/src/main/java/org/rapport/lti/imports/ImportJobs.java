package org.rapport.lti.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.imports.RowProblem;
import org.rapport.lti.cluster.NodeName;
import org.rapport.lti.registration.RegistrationRepository;

/**
 * Import jobs as stored: created on upload, moved through their states (each change in a
 * transaction of its own, visible at once), finished with their counts and problems.
 */
@ApplicationScoped
public class ImportJobs {
  @Inject Clock clock;

  /** How many problems of one job are kept; the count of all is kept too. */
  public static final int KEPT_PROBLEMS = 1000;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject ImportProgress progress;
  @Inject NodeName node;
  @Inject RegistrationRepository registrations;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long create(long registrationId, String fileName, String sha256, String by) {
    ImportJob job = new ImportJob(registrationId, fileName, sha256, by, node.get(), now());
    em.persist(job);
    em.flush();
    return job.getId();
  }

  /**
   * As {@link #create}, in the caller's transaction: the job commits or rolls back with its rows.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long createWithin(long registrationId, String fileName, String sha256, String by) {
    ImportJob job = new ImportJob(registrationId, fileName, sha256, by, node.get(), now());
    em.persist(job);
    em.flush();
    return job.getId();
  }

  /** The job that imported this file into this tenant before, if any. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Long> importedBefore(long registrationId, String sha256) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT job_id FROM import_file WHERE registration_id = ? AND file_sha256 = ?")
            .setParameter(1, registrationId)
            .setParameter(2, sha256)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void moveTo(long jobId, ImportState state, int total, int processed) {
    em.find(ImportJob.class, jobId).moveTo(state, total, processed);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void unchanged(long jobId, int total, String message) {
    ImportJob job = em.find(ImportJob.class, jobId);
    job.moveTo(ImportState.UNCHANGED, total, total);
    job.finish(ImportState.UNCHANGED, total, 0, total, 0, message, now());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(
      long jobId, int total, int processed, List<RowProblem> problems, int count, String message) {
    ImportJob job = em.find(ImportJob.class, jobId);
    job.moveTo(ImportState.FAILED, total, processed);
    job.finish(ImportState.FAILED, processed, 0, 0, count, message, now());
    int seq = 0;
    for (RowProblem p : problems) {
      if (seq >= KEPT_PROBLEMS) {
        break;
      }
      em.persist(new ImportProblemRecord(jobId, seq++, p.row(), p.column(), p.message()));
    }
  }

  @Transactional
  public Optional<ImportJobView> view(long jobId, boolean withProblems) {
    ImportJob job = em.find(ImportJob.class, jobId);
    if (job == null) {
      return Optional.empty();
    }
    List<ImportJobView.ProblemView> problems =
        withProblems
            ? em
                .createQuery(
                    "select p from ImportProblemRecord p where p.jobId = :j order by p.seq",
                    ImportProblemRecord.class)
                .setParameter("j", jobId)
                .getResultList()
                .stream()
                .map(p -> new ImportJobView.ProblemView(p.getRow(), p.getColumn(), p.getMessage()))
                .toList()
            : List.of();
    return Optional.of(view(job, problems));
  }

  /** The imports page: the latest imports of every tenant and the tenants to import for. */
  @Transactional
  public ImportsPage overview(String error) {
    List<ImportsPage.Tenant> tenants =
        registrations.all().stream()
            .map(r -> new ImportsPage.Tenant(r.getId(), r.getName()))
            .toList();
    return new ImportsPage(recent(null), tenants, error);
  }

  @Transactional
  public List<ImportJobView> recent(Long registrationId) {
    String jpql =
        "select j from ImportJob j"
            + (registrationId == null ? "" : " where j.registrationId = :r")
            + " order by j.createdAt desc, j.id desc";
    var query = em.createQuery(jpql, ImportJob.class).setMaxResults(50);
    if (registrationId != null) {
      query.setParameter("r", registrationId);
    }
    return query.getResultList().stream().map(j -> view(j, List.of())).toList();
  }

  /**
   * Jobs a restart of this node interrupted never finish; say so. Jobs another node runs are left
   * to it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int markInterrupted() {
    List<ImportJob> running =
        em.createQuery(
                "select j from ImportJob j where j.state in :states"
                    + " and (j.node = :node or j.node is null)",
                ImportJob.class)
            .setParameter("node", node.get())
            .setParameter(
                "states",
                List.of(ImportState.QUEUED, ImportState.VALIDATING, ImportState.IMPORTING))
            .getResultList();
    for (ImportJob job : running) {
      job.finish(
          ImportState.FAILED,
          job.getRowsProcessed(),
          0,
          0,
          0,
          "Rapport restarted while this import was running; nothing was imported. Upload the"
              + " file again.",
          now());
    }
    return running.size();
  }

  private ImportJobView view(ImportJob job, List<ImportJobView.ProblemView> problems) {
    long total = job.getRowsTotal();
    long processed = job.getRowsProcessed();
    ImportState state = job.getState();
    if (!state.finished()) {
      Optional<ImportProgress.Snapshot> live = progress.of(job.getId());
      if (live.isPresent()) {
        state = live.get().state();
        processed = live.get().processed();
        total = live.get().total();
      }
    }
    return new ImportJobView(
        job.getId(),
        job.getRegistrationId(),
        job.getFileName(),
        state.name(),
        state.label(),
        state.finished(),
        total,
        processed,
        job.getRowsImported(),
        job.getRowsUnchanged(),
        job.getProblemCount(),
        job.getMessage(),
        job.getRequestedBy(),
        job.getCreatedAt().toString(),
        job.getFinishedAt() == null ? null : job.getFinishedAt().toString(),
        problems);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
