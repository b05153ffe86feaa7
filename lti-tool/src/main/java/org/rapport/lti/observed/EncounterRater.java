package org.rapport.lti.observed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;

/**
 * One rater invited to one encounter: a launched LMS user (faculty, a peer) or a person who rates
 * through a one-time link (a standardized or real patient). The name and address are the
 * coordinator's, for the sheet and the mail; the student never sees them. Raising {@code linkIssue}
 * revokes every link issued before.
 */
@Entity
@Table(name = "encounter_rater")
public class EncounterRater {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "encounter_id", nullable = false)
  private Long encounterId;

  @Enumerated(EnumType.STRING)
  @Column(name = "rater_type", nullable = false)
  private RaterType raterType;

  @Column(name = "learner_id")
  private Long learnerId;

  @Column(name = "rater_name")
  private String raterName;

  @Column(name = "rater_email")
  private String raterEmail;

  @Column(name = "form_id", nullable = false)
  private String formId;

  @Column(name = "form_version", nullable = false)
  private Integer formVersion;

  @Column(name = "link_issue", nullable = false)
  private Integer linkIssue;

  @Column(name = "link_expires_at")
  private OffsetDateTime linkExpiresAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected EncounterRater() {}

  /** A rater inside the LMS (faculty or a peer), known by their learner id. */
  public static EncounterRater launched(
      long encounterId, RaterType type, long learnerId, InstrumentRef form, OffsetDateTime now) {
    EncounterRater rater = new EncounterRater(encounterId, type, form, now);
    rater.learnerId = learnerId;
    return rater;
  }

  /** A rater with a one-time link, valid until {@code expiresAt}. */
  public static EncounterRater withLink(
      long encounterId,
      RaterType type,
      String nameOrNull,
      String emailOrNull,
      InstrumentRef form,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    EncounterRater rater = new EncounterRater(encounterId, type, form, now);
    rater.raterName = nameOrNull;
    rater.raterEmail = emailOrNull;
    rater.linkExpiresAt = expiresAt;
    return rater;
  }

  /** A rater of imported results: neither a link nor an LMS user. */
  public static EncounterRater imported(
      long encounterId, RaterType type, InstrumentRef form, OffsetDateTime now) {
    return new EncounterRater(encounterId, type, form, now);
  }

  private EncounterRater(long encounterId, RaterType type, InstrumentRef form, OffsetDateTime now) {
    this.encounterId = encounterId;
    this.raterType = type;
    this.formId = form.id().value();
    this.formVersion = form.version();
    this.linkIssue = 0;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getEncounterId() {
    return encounterId;
  }

  public RaterType getRaterType() {
    return raterType;
  }

  /** The launched rater's learner id, or null for a link rater. */
  public Long getLearnerId() {
    return learnerId;
  }

  public String getRaterName() {
    return raterName;
  }

  public String getRaterEmail() {
    return raterEmail;
  }

  public InstrumentRef getForm() {
    return new InstrumentRef(InstrumentId.of(formId), formVersion);
  }

  public int getLinkIssue() {
    return linkIssue;
  }

  public OffsetDateTime getLinkExpiresAt() {
    return linkExpiresAt;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  /** Whether this rater rates through a one-time link (rather than inside the LMS). */
  public boolean ratesByLink() {
    return learnerId == null && linkExpiresAt != null;
  }

  /** Revokes every link issued so far and makes the next one valid until {@code expiresAt}. */
  public void reissueLink(OffsetDateTime expiresAt) {
    linkIssue = linkIssue + 1;
    linkExpiresAt = expiresAt;
  }
}
