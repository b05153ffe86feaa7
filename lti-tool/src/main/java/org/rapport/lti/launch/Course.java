package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An LMS course (LTI context) within a registration. */
@Entity
@Table(name = "course")
public class Course {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "context_id", nullable = false)
  private String contextId;

  private String label;
  private String title;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Course() {}

  public Course(Long registrationId, String contextId, OffsetDateTime now) {
    this.registrationId = registrationId;
    this.contextId = contextId;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getContextId() {
    return contextId;
  }

  public String getLabel() {
    return label;
  }

  public String getTitle() {
    return title;
  }

  public void describe(String label, String title) {
    if (label != null) {
      this.label = label;
    }
    if (title != null) {
      this.title = title;
    }
  }
}
