package org.rapport.lti.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A file of past observed ratings imported into a tenant, and what it created. One per file and
 * tenant: the same file again changes nothing.
 */
@Entity
@Table(name = "observed_import")
public class ObservedImport {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "file_sha256", nullable = false)
  private String fileSha256;

  @Column(name = "file_name")
  private String fileName;

  @Column(nullable = false)
  private boolean released;

  @Column(name = "rows_imported", nullable = false)
  private int rowsImported;

  @Column(nullable = false)
  private int sessions;

  @Column(nullable = false)
  private int encounters;

  @Column(name = "students_created", nullable = false)
  private int studentsCreated;

  @Column(name = "imported_by", nullable = false)
  private String importedBy;

  @Column(name = "imported_at", nullable = false)
  private OffsetDateTime importedAt;

  protected ObservedImport() {}

  ObservedImport(
      long registrationId,
      String fileSha256,
      String fileName,
      boolean released,
      String importedBy,
      OffsetDateTime importedAt) {
    this.registrationId = registrationId;
    this.fileSha256 = fileSha256;
    this.fileName = fileName;
    this.released = released;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  void counted(int rows, int sessions, int encounters, int studentsCreated) {
    this.rowsImported = rows;
    this.sessions = sessions;
    this.encounters = encounters;
    this.studentsCreated = studentsCreated;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getFileSha256() {
    return fileSha256;
  }

  public String getFileName() {
    return fileName;
  }

  public boolean isReleased() {
    return released;
  }

  public int getRowsImported() {
    return rowsImported;
  }

  public int getSessions() {
    return sessions;
  }

  public int getEncounters() {
    return encounters;
  }

  public int getStudentsCreated() {
    return studentsCreated;
  }

  public String getImportedBy() {
    return importedBy;
  }

  public OffsetDateTime getImportedAt() {
    return importedAt;
  }
}
