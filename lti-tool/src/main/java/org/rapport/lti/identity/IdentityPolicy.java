package org.rapport.lti.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.rapport.lti.launch.TeachingAssistantRole;

/**
 * A registration's identity policy. A registration without a row has the defaults: launches do not
 * link users to imported history by themselves, and TeachingAssistants are students.
 */
@Entity
@Table(name = "registration_identity_policy")
public class IdentityPolicy {
  @Id
  @Column(name = "registration_id")
  private Long registrationId;

  @Column(name = "launch_links_allowed", nullable = false)
  private boolean launchLinksAllowed;

  @Enumerated(EnumType.STRING)
  @Column(name = "teaching_assistant_role", nullable = false)
  private TeachingAssistantRole teachingAssistantRole;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected IdentityPolicy() {}

  IdentityPolicy(long registrationId) {
    this.registrationId = registrationId;
    this.teachingAssistantRole = TeachingAssistantRole.STUDENT;
  }

  void change(
      boolean launchLinksAllowed, TeachingAssistantRole assistants, String by, OffsetDateTime at) {
    this.launchLinksAllowed = launchLinksAllowed;
    this.teachingAssistantRole = assistants;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  IdentityPolicyView view() {
    return new IdentityPolicyView(registrationId, launchLinksAllowed, teachingAssistantRole.name());
  }
}
