package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A nonce Rapport sent in an OIDC authentication request; usable once, before it expires. */
@Entity
@Table(name = "oidc_nonce")
public class IssuedNonce {
  @Id private String nonce;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "storage_target")
  private String storageTarget;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected IssuedNonce() {}

  public IssuedNonce(
      String nonce,
      Long registrationId,
      String storageTarget,
      OffsetDateTime issuedAt,
      OffsetDateTime expiresAt) {
    this.nonce = nonce;
    this.registrationId = registrationId;
    this.storageTarget = storageTarget;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public String getNonce() {
    return nonce;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getStorageTarget() {
    return storageTarget;
  }

  /** Not used yet and not expired at {@code now}. */
  public boolean awaitsLaunch(java.time.Instant now) {
    return usedAt == null && expiresAt.toInstant().isAfter(now);
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }
}
