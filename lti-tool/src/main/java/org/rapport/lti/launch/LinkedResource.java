package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An LMS resource link (a placement of Rapport in a course) and the Rapport page it opens. */
@Entity
@Table(name = "resource_link")
public class LinkedResource {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "course_id", nullable = false)
  private Long courseId;

  @Column(name = "link_id", nullable = false)
  private String linkId;

  private String title;

  @Column(nullable = false)
  private String target;

  protected LinkedResource() {}

  public LinkedResource(Long courseId, String linkId) {
    this.courseId = courseId;
    this.linkId = linkId;
  }

  public Long getId() {
    return id;
  }

  public String getLinkId() {
    return linkId;
  }

  public String getTitle() {
    return title;
  }

  public String getTarget() {
    return target;
  }

  public void update(String title, String target) {
    if (title != null) {
      this.title = title.length() > 512 ? title.substring(0, 512) : title;
    }
    this.target = target;
  }
}
