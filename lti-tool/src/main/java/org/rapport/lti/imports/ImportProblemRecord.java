package org.rapport.lti.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One problem of an import as stored for the job page and API. */
@Entity
@Table(name = "import_problem")
@IdClass(ImportProblemRecord.Key.class)
public class ImportProblemRecord {
  @Id
  @Column(name = "job_id")
  private Long jobId;

  @Id
  @Column(name = "seq")
  private Integer seq;

  @Column(name = "file_row", nullable = false)
  private long row;

  @Column(name = "column_name", nullable = false)
  private String column;

  @Column(nullable = false)
  private String message;

  protected ImportProblemRecord() {}

  ImportProblemRecord(long jobId, int seq, long row, String column, String message) {
    this.jobId = jobId;
    this.seq = seq;
    this.row = row;
    this.column = column.length() <= 100 ? column : column.substring(0, 100);
    this.message = message.length() <= 1000 ? message : message.substring(0, 1000);
  }

  public long getRow() {
    return row;
  }

  public String getColumn() {
    return column;
  }

  public String getMessage() {
    return message;
  }

  /** The composite key: job and sequence number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long jobId;
    private Integer seq;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(k.jobId, jobId) && Objects.equals(k.seq, seq);
    }

    @Override
    public int hashCode() {
      return Objects.hash(jobId, seq);
    }
  }
}
