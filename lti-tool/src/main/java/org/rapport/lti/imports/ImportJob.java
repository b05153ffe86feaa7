package org.rapport.lti.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One upload of historical results and how far its import got. */
@Entity
@Table(name = "import_job")
public class ImportJob {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "file_sha256", nullable = false)
  private String fileSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ImportState state;

  @Column(name = "rows_total", nullable = false)
  private int rowsTotal;

  @Column(name = "rows_processed", nullable = false)
  private int rowsProcessed;

  @Column(name = "rows_imported", nullable = false)
  private int rowsImported;

  @Column(name = "rows_unchanged", nullable = false)
  private int rowsUnchanged;

  @Column(name = "problem_count", nullable = false)
  private int problemCount;

  private String message;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  /** The node the import runs on. */
  private String node;

  protected ImportJob() {}

  ImportJob(
      long registrationId,
      String fileName,
      String sha256,
      String by,
      String node,
      OffsetDateTime now) {
    this.registrationId = registrationId;
    this.node = node;
    this.fileName = fileName;
    this.fileSha256 = sha256;
    this.state = ImportState.QUEUED;
    this.requestedBy = by;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getFileName() {
    return fileName;
  }

  public String getFileSha256() {
    return fileSha256;
  }

  public ImportState getState() {
    return state;
  }

  public int getRowsTotal() {
    return rowsTotal;
  }

  public int getRowsProcessed() {
    return rowsProcessed;
  }

  public int getRowsImported() {
    return rowsImported;
  }

  public int getRowsUnchanged() {
    return rowsUnchanged;
  }

  public int getProblemCount() {
    return problemCount;
  }

  public String getMessage() {
    return message;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }

  void moveTo(ImportState state, int rowsTotal, int rowsProcessed) {
    this.state = state;
    this.rowsTotal = rowsTotal;
    this.rowsProcessed = rowsProcessed;
  }

  void finish(
      ImportState state,
      int processed,
      int imported,
      int unchanged,
      int problems,
      String message,
      OffsetDateTime now) {
    this.state = state;
    this.rowsProcessed = processed;
    this.rowsImported = imported;
    this.rowsUnchanged = unchanged;
    this.problemCount = problems;
    this.message =
        message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    this.finishedAt = now;
  }
}
