package org.rapport.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A deployment id seen under a registration (per course, sub-account or site). */
@Entity
@Table(name = "deployment")
public class Deployment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "deployment_id", nullable = false)
  private String deploymentId;

  @Column(name = "first_seen_at", nullable = false)
  private OffsetDateTime firstSeenAt;

  @Column(name = "last_launch_at")
  private OffsetDateTime lastLaunchAt;

  protected Deployment() {}

  public Deployment(Long registrationId, String deploymentId, OffsetDateTime now) {
    this.registrationId = registrationId;
    this.deploymentId = deploymentId;
    this.firstSeenAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public OffsetDateTime getFirstSeenAt() {
    return firstSeenAt;
  }

  public OffsetDateTime getLastLaunchAt() {
    return lastLaunchAt;
  }

  /**
   * Records a launch. The time is kept to the minute: every launch through a deployment would
   * otherwise update this one row, and a class launching at once would queue on its lock.
   */
  public void launched(OffsetDateTime now) {
    if (lastLaunchAt == null || lastLaunchAt.isBefore(now.minusMinutes(1))) {
      this.lastLaunchAt = now;
    }
  }
}
