package org.rapport.lti.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A browser sign-in of an administrator, held on the server. The cookie carries a random value of
 * which only the SHA-256 is stored; the session ends at sign-out, after an idle period, at its
 * absolute expiry, or when its account is removed.
 */
@Entity
@Table(name = "admin_session")
public class AdminSession {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String username;

  @Column(name = "csrf_token", nullable = false)
  private String csrfToken;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected AdminSession() {}

  AdminSession(
      String tokenHash,
      String username,
      String csrfToken,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    this.tokenHash = tokenHash;
    this.username = username;
    this.csrfToken = csrfToken;
    this.createdAt = now;
    this.lastSeenAt = now;
    this.expiresAt = expiresAt;
  }

  Long id() {
    return id;
  }

  String username() {
    return username;
  }

  String csrfToken() {
    return csrfToken;
  }

  OffsetDateTime lastSeenAt() {
    return lastSeenAt;
  }

  OffsetDateTime expiresAt() {
    return expiresAt;
  }

  boolean revoked() {
    return revokedAt != null;
  }

  /**
   * Whether the session still holds at {@code now}: not revoked, before its absolute expiry, and
   * used within {@code idleTimeout} (a use exactly {@code idleTimeout} ago still counts).
   */
  boolean liveAt(OffsetDateTime now, java.time.Duration idleTimeout) {
    return !revoked() && !lastSeenAt.plus(idleTimeout).isBefore(now) && expiresAt.isAfter(now);
  }

  void seen(OffsetDateTime now) {
    lastSeenAt = now;
  }

  void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}
