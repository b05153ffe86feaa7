package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One line of the admin's launch log: accepted, or rejected with the failed check. */
@Entity
@Table(name = "launch_log")
public class LaunchRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false)
  private boolean accepted;

  private String failure;
  private String detail;
  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "registration_id")
  private Long registrationId;

  @Column(name = "deployment_id")
  private String deploymentId;

  @Column(name = "message_type")
  private String messageType;

  protected LaunchRecord() {}

  public LaunchRecord(
      OffsetDateTime occurredAt,
      boolean accepted,
      String failure,
      String detail,
      String issuer,
      String clientId,
      Long registrationId,
      String deploymentId,
      String messageType) {
    this.occurredAt = occurredAt;
    this.accepted = accepted;
    this.failure = failure;
    this.detail = clip(detail, 1000);
    this.issuer = clip(issuer, 512);
    this.clientId = clip(clientId, 255);
    this.registrationId = registrationId;
    this.deploymentId = clip(deploymentId, 255);
    this.messageType = clip(messageType, 64);
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public boolean isAccepted() {
    return accepted;
  }

  public String getFailure() {
    return failure;
  }

  public String getDetail() {
    return detail;
  }

  public String getIssuer() {
    return issuer;
  }

  public String getClientId() {
    return clientId;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public String getMessageType() {
    return messageType;
  }
}
