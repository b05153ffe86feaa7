package org.rapport.lti.registration;

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
 * One LMS platform registration, keyed by (issuer, client id); each registration is a tenant whose
 * users, courses and data never mix with another's.
 */
@Entity
@Table(name = "registration")
public class PlatformRegistration {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String issuer;

  @Column(name = "client_id", nullable = false)
  private String clientId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "platform_kind", nullable = false)
  private PlatformKind platformKind;

  @Column(name = "auth_endpoint", nullable = false)
  private String authEndpoint;

  @Column(name = "token_endpoint")
  private String tokenEndpoint;

  @Column(name = "jwks_uri", nullable = false)
  private String jwksUri;

  @Column(name = "deployment_policy", nullable = false)
  private String deploymentPolicy;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected PlatformRegistration() {}

  public PlatformRegistration(String issuer, String clientId, OffsetDateTime now) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.createdAt = now;
    this.updatedAt = now;
    this.enabled = true;
  }

  public Long getId() {
    return id;
  }

  public String getIssuer() {
    return issuer;
  }

  public String getClientId() {
    return clientId;
  }

  public String getName() {
    return name;
  }

  public PlatformKind getPlatformKind() {
    return platformKind;
  }

  public String getAuthEndpoint() {
    return authEndpoint;
  }

  public String getTokenEndpoint() {
    return tokenEndpoint;
  }

  public String getJwksUri() {
    return jwksUri;
  }

  public String getDeploymentPolicy() {
    return deploymentPolicy;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  /** Applies checked settings; {@link RegistrationSettings} has validated every field. */
  public void apply(RegistrationSettings settings, OffsetDateTime now) {
    this.name = settings.name();
    this.platformKind = settings.platformKind();
    this.authEndpoint = settings.authEndpoint().toString();
    this.tokenEndpoint =
        settings.tokenEndpoint() == null ? null : settings.tokenEndpoint().toString();
    this.jwksUri = settings.jwksUri().toString();
    this.deploymentPolicy = settings.deploymentPolicy();
    this.enabled = settings.enabled();
    this.updatedAt = now;
  }
}
