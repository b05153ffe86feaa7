package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A deep-linking request waiting for the instructor's choice, kept server-side: the page carries
 * only its random id, never the return URL or the settings.
 */
@Entity
@Table(name = "deep_link_request")
public class PendingDeepLink {
  @Id private String id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(name = "deployment_id", nullable = false)
  private String deploymentId;

  @Column(name = "settings_json", nullable = false)
  private String settingsJson;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "answered_at")
  private OffsetDateTime answeredAt;

  protected PendingDeepLink() {}

  PendingDeepLink(
      String id,
      long registrationId,
      long learnerId,
      String deploymentId,
      String settingsJson,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    this.id = id;
    this.registrationId = registrationId;
    this.learnerId = learnerId;
    this.deploymentId = deploymentId;
    this.settingsJson = settingsJson;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String getId() {
    return id;
  }

  public long getRegistrationId() {
    return registrationId;
  }

  public long getLearnerId() {
    return learnerId;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public String getSettingsJson() {
    return settingsJson;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public OffsetDateTime getAnsweredAt() {
    return answeredAt;
  }
}
