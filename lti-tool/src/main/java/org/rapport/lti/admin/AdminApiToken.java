package org.rapport.lti.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A bearer token an administrator created for scripts. The token itself is shown once; only its
 * SHA-256 is stored. Browsers never attach it on their own, so requests with it need no CSRF token.
 */
@Entity
@Table(name = "admin_api_token")
public class AdminApiToken {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String username;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  protected AdminApiToken() {}

  AdminApiToken(String name, String tokenHash, String username, OffsetDateTime createdAt) {
    this.name = name;
    this.tokenHash = tokenHash;
    this.username = username;
    this.createdAt = createdAt;
  }

  Long id() {
    return id;
  }

  String name() {
    return name;
  }

  String username() {
    return username;
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }

  OffsetDateTime lastUsedAt() {
    return lastUsedAt;
  }

  boolean revoked() {
    return revokedAt != null;
  }

  void used(OffsetDateTime now) {
    lastUsedAt = now;
  }

  void revoke(String by, OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedBy = by;
    }
  }
}
