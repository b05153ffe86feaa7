package org.rapport.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A dynamic registration invite: the private part of the {@code /lti/register?invite=…} URL an
 * administrator makes on the admin page. It is shown once (only its SHA-256 is stored), it expires,
 * and the first registration made with it uses it up. {@code enableOnArrival} says whether that
 * registration starts enabled or waits until an administrator enables it.
 */
@Entity
@Table(name = "registration_invite")
public class RegistrationInvite {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "enable_on_arrival", nullable = false)
  private boolean enableOnArrival;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  @Column(name = "registration_id")
  private Long registrationId;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  protected RegistrationInvite() {}

  RegistrationInvite(
      String tokenHash,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      boolean enableOnArrival) {
    this.tokenHash = tokenHash;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.enableOnArrival = enableOnArrival;
  }

  /** Why this invite cannot be used at {@code now}; empty when it can. */
  Optional<InviteRefusal> refusal(Instant now) {
    if (revokedAt != null) {
      return Optional.of(InviteRefusal.REVOKED);
    }
    if (usedAt != null) {
      return Optional.of(InviteRefusal.USED);
    }
    if (!now.isBefore(expiresAt.toInstant())) {
      return Optional.of(InviteRefusal.EXPIRED);
    }
    return Optional.empty();
  }

  Long id() {
    return id;
  }

  String createdBy() {
    return createdBy;
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }

  OffsetDateTime expiresAt() {
    return expiresAt;
  }

  boolean enableOnArrival() {
    return enableOnArrival;
  }

  void revoke(String by, OffsetDateTime at) {
    this.revokedBy = by;
    this.revokedAt = at;
  }

  void markUsed(OffsetDateTime at) {
    this.usedAt = at;
  }
}
