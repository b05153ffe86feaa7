package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.TreeSet;
import org.rapport.lti.protocol.claims.AgsEndpoint;

/**
 * An LMS resource link (a placement of Rapport in a course), the Rapport page it opens and the AGS
 * endpoint its latest launch granted (line-items URL, its own line item, scopes).
 */
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

  @Column(name = "ags_lineitems_url")
  private String agsLineItemsUrl;

  @Column(name = "ags_lineitem_url")
  private String agsLineItemUrl;

  @Column(name = "ags_scopes")
  private String agsScopes;

  @Column(name = "services_updated_at")
  private OffsetDateTime servicesUpdatedAt;

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

  public String getAgsScopes() {
    return agsScopes;
  }

  /** Keeps what the launch's AGS claim granted; launches without the claim leave it as it was. */
  public void services(AgsEndpoint ags, OffsetDateTime now) {
    String lineItems = ags.lineItems().map(Object::toString).orElse(null);
    String lineItem = ags.lineItem().map(Object::toString).orElse(null);
    String all = String.join(" ", new TreeSet<>(ags.scopes()));
    String scopes = all.length() > 2000 ? all.substring(0, 2000) : all;
    boolean same =
        java.util.Objects.equals(lineItems, agsLineItemsUrl)
            && java.util.Objects.equals(lineItem, agsLineItemUrl)
            && scopes.equals(agsScopes);
    // Unchanged services are re-stamped at most once a minute: a class launching the same link at
    // once would otherwise queue on this row's lock.
    if (same && servicesUpdatedAt != null && servicesUpdatedAt.isAfter(now.minusMinutes(1))) {
      return;
    }
    this.agsLineItemsUrl = lineItems;
    this.agsLineItemUrl = lineItem;
    this.agsScopes = scopes;
    this.servicesUpdatedAt = now;
  }
}
