package org.rapport.lti.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tool key row: the JWK (with its private part) and its life span. */
@Entity
@Table(name = "tool_key")
public class StoredToolKey {
  @Id private String kid;

  @Column(nullable = false)
  private String jwk;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "activates_at", nullable = false)
  private OffsetDateTime activatesAt;

  @Column(name = "retires_at")
  private OffsetDateTime retiresAt;

  protected StoredToolKey() {}

  public StoredToolKey(
      String kid,
      String jwk,
      OffsetDateTime createdAt,
      OffsetDateTime activatesAt,
      OffsetDateTime retiresAt) {
    this.kid = kid;
    this.jwk = jwk;
    this.createdAt = createdAt;
    this.activatesAt = activatesAt;
    this.retiresAt = retiresAt;
  }

  public String getKid() {
    return kid;
  }

  public String getJwk() {
    return jwk;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getActivatesAt() {
    return activatesAt;
  }

  public OffsetDateTime getRetiresAt() {
    return retiresAt;
  }

  public void retireAt(OffsetDateTime when) {
    this.retiresAt = when;
  }

  /** Never prints the key material. */
  @Override
  public String toString() {
    return "StoredToolKey[kid=" + kid + "]";
  }
}
