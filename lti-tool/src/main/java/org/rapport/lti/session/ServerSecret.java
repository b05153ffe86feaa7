package org.rapport.lti.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A named random secret generated on first use and shared by every node through the database. */
@Entity
@Table(name = "server_secret")
public class ServerSecret {
  @Id private String name;

  @Column(nullable = false)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ServerSecret() {}

  public ServerSecret(String name, String secret, OffsetDateTime createdAt) {
    this.name = name;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  public void replace(String secret, OffsetDateTime now) {
    this.secret = secret;
    this.createdAt = now;
  }

  public String getName() {
    return name;
  }

  public String getSecret() {
    return secret;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
