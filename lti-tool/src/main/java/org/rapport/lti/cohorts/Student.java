package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A student as the self-assessment knows them within a tenant: a pseudonym (the institution's
 * pseudonymous id from an import or a launch parameter, or one Rapport made up), the LMS user it is
 * linked to ({@code sub}), their cohort, and whether and when they consented. Names and e-mail
 * addresses stay with the launch records; nothing here identifies the person by itself.
 */
@Entity
@Table(name = "student")
public class Student {
  /** The version of the privacy notice a consent refers to. */
  public static final int CONSENT_VERSION = 1;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(nullable = false)
  private String pseudonym;

  @Column(name = "lms_subject")
  private String lmsSubject;

  @Column(name = "cohort_id")
  private Long cohortId;

  @Enumerated(EnumType.STRING)
  @Column(name = "cohort_source")
  private CohortSource cohortSource;

  @Column(name = "consent_at")
  private OffsetDateTime consentAt;

  @Column(name = "consent_version")
  private Integer consentVersion;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Student() {}

  Student(long registrationId, String pseudonym, String lmsSubject, OffsetDateTime now) {
    this.registrationId = registrationId;
    this.pseudonym = pseudonym;
    this.lmsSubject = lmsSubject;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public String getLmsSubject() {
    return lmsSubject;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public CohortSource getCohortSource() {
    return cohortSource;
  }

  public OffsetDateTime getConsentAt() {
    return consentAt;
  }

  public boolean hasConsented() {
    return consentAt != null && consentVersion != null && consentVersion >= CONSENT_VERSION;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public void consent(OffsetDateTime now) {
    this.consentAt = now;
    this.consentVersion = CONSENT_VERSION;
  }

  /** Takes over a consent given while the student was known under another record. */
  public void takeConsentFrom(Student other) {
    if (!hasConsented() && other.hasConsented()) {
      this.consentAt = other.consentAt;
      this.consentVersion = other.consentVersion;
    }
  }

  void placeIn(long cohortId, CohortSource source) {
    this.cohortId = cohortId;
    this.cohortSource = source;
  }

  void linkTo(String lmsSubject) {
    this.lmsSubject = lmsSubject;
  }

  void unlink() {
    this.lmsSubject = null;
  }
}
