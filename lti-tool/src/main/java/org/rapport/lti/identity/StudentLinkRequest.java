package org.rapport.lti.identity;

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
 * A launch's request to link its LMS user to a pseudonymous student, waiting for an administrator
 * (state PENDING) or decided (APPROVED, REJECTED). A link changes whose imported answers a person
 * sees, so a launch may make it by itself only when its registration allows that and the pseudonym
 * is free; everything else comes here.
 */
@Entity
@Table(name = "student_link_request")
public class StudentLinkRequest {
  /** Where a request stands. */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "learner_subject", nullable = false)
  private String learnerSubject;

  @Column(nullable = false)
  private String pseudonym;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LinkRequestReason reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decision_note")
  private String decisionNote;

  protected StudentLinkRequest() {}

  StudentLinkRequest(
      long registrationId,
      String learnerSubject,
      String pseudonym,
      LinkRequestReason reason,
      OffsetDateTime at) {
    this.registrationId = registrationId;
    this.learnerSubject = learnerSubject;
    this.pseudonym = pseudonym;
    this.reason = reason;
    this.state = State.PENDING;
    this.requestedAt = at;
  }

  void decide(State decision, String by, String note, OffsetDateTime at) {
    this.state = decision;
    this.decidedBy = by;
    this.decisionNote = note;
    this.decidedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public String getLearnerSubject() {
    return learnerSubject;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public State getState() {
    return state;
  }

  StudentLinkRequestView view() {
    return new StudentLinkRequestView(
        id,
        registrationId,
        learnerSubject,
        pseudonym,
        reason.name(),
        reason.sentence(),
        state.name(),
        requestedAt.toString(),
        decidedAt == null ? null : decidedAt.toString(),
        decidedBy,
        decisionNote);
  }
}
