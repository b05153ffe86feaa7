package org.rapport.lti.launch;

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
 * The server-side session of a launched user, opened in the launch's own transaction. The {@code
 * ?s=} token holds only this row's id, so a token copied out of a page says nothing about whom it
 * belongs to; the learner's name and the course title are read from the database through it. A
 * newer session of the same learner in the same course, idleness or {@code ended_at} ends it (see
 * {@link SessionActivity}).
 */
@Entity
@Table(name = "tool_session")
public class ToolSession {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(name = "course_id")
  private Long courseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CourseRole role;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  protected ToolSession() {}

  ToolSession(LaunchedUser user, OffsetDateTime now) {
    this.registrationId = user.registrationId();
    this.learnerId = user.learnerId();
    this.courseId = user.courseId();
    this.role = user.role();
    this.createdAt = now;
    this.lastSeenAt = now;
  }

  public Long getId() {
    return id;
  }
}
