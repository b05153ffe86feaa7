package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.rapport.curriculum.cohorts.MatriculationYear;

/** The students of one tenant who started medical school in the same year. */
@Entity
@Table(name = "cohort")
public class Cohort {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "matriculation_year", nullable = false)
  private int matriculationYear;

  @Column(nullable = false)
  private String label;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Cohort() {}

  Cohort(long registrationId, MatriculationYear year, String label, OffsetDateTime now) {
    this.registrationId = registrationId;
    this.matriculationYear = year.value();
    this.label = label;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public MatriculationYear year() {
    return new MatriculationYear(matriculationYear);
  }

  public int getMatriculationYear() {
    return matriculationYear;
  }

  public String getLabel() {
    return label;
  }
}
