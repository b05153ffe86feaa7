package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A person launched into Rapport, identified within a registration by the platform's {@code sub}.
 */
@Entity
@Table(name = "learner")
public class Learner {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(nullable = false)
  private String subject;

  private String name;
  private String email;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  protected Learner() {}

  public Learner(Long registrationId, String subject, OffsetDateTime now) {
    this.registrationId = registrationId;
    this.subject = subject;
    this.createdAt = now;
    this.lastSeenAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getSubject() {
    return subject;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public void seen(String name, String email, OffsetDateTime now) {
    if (name != null) {
      this.name = name;
    }
    if (email != null) {
      this.email = email;
    }
    this.lastSeenAt = now;
  }

  /** Name and email as the roster (NRPS) gives them; absent values keep what Rapport knew. */
  public void describe(String name, String email) {
    if (name != null) {
      this.name = name.length() > 255 ? name.substring(0, 255) : name;
    }
    if (email != null && email.length() <= 320) {
      this.email = email;
    }
  }
}
