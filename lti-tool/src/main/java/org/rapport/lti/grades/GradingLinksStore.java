package org.rapport.lti.grades;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.protocol.claims.AgsEndpoint;

/**
 * SQL for the resource links that receive scores ({@code resource_link} with the AGS endpoint of
 * its latest launch) and the line items found or created for them ({@code line_item}).
 */
final class GradingLinksStore {
  private static final String LINK_COLUMNS =
      "r.id, r.link_id, r.ags_lineitems_url, r.ags_lineitem_url, r.ags_scopes";

  /**
   * The course's resource links that open {@code page} and may receive scores (the platform granted
   * the score scope), within the registration (tenant).
   */
  List<GradingLink> linksTo(Connection c, long registrationId, long courseId, String page)
      throws SQLException {
    List<GradingLink> links = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + LINK_COLUMNS
                + " FROM resource_link r JOIN course c ON c.id = r.course_id"
                + " WHERE c.id = ? AND c.registration_id = ? AND r.target = ?"
                + " AND r.ags_scopes IS NOT NULL ORDER BY r.id")) {
      select.setLong(1, courseId);
      select.setLong(2, registrationId);
      select.setString(3, page);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          GradingLink link = link(rs);
          if (link.scopes().contains(AgsEndpoint.SCOPE_SCORE)) {
            links.add(link);
          }
        }
      }
    }
    return links;
  }

  /** A link of the course, by the LMS's id for it, with the Rapport page it opens. */
  record TargetedLink(GradingLink link, String target) {}

  Optional<TargetedLink> linkOfCourse(
      Connection c, long registrationId, long courseId, String lmsLinkId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + LINK_COLUMNS
                + ", r.target FROM resource_link r JOIN course c ON c.id = r.course_id"
                + " WHERE c.id = ? AND c.registration_id = ? AND r.link_id = ?")) {
      select.setLong(1, courseId);
      select.setLong(2, registrationId);
      select.setString(3, lmsLinkId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new TargetedLink(link(rs), rs.getString(6)))
            : Optional.empty();
      }
    }
  }

  /** A learner who completed a module, and when. */
  record Finisher(long learnerId, Instant completedAt) {}

  /**
   * The active members of the course who completed {@code moduleId} and have no score for the link
   * and line item ({@code resourceId}, {@code tag}) queued or sent, oldest completion first.
   */
  List<Finisher> finishersWithoutScore(
      Connection c,
      long registrationId,
      long courseId,
      String moduleId,
      long resourceLinkId,
      String resourceId,
      String tag)
      throws SQLException {
    List<Finisher> finishers = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.learner_id, p.completed_at FROM module_progress p"
                + " JOIN membership m ON m.learner_id = p.learner_id"
                + " WHERE m.course_id = ? AND m.active = TRUE AND p.registration_id = ?"
                + " AND p.module_id = ? AND p.completed_at IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM score_outbox o WHERE o.resource_link_id = ?"
                + " AND o.learner_id = p.learner_id AND o.resource_id = ? AND o.tag = ?)"
                + " ORDER BY p.completed_at, p.learner_id")) {
      select.setLong(1, courseId);
      select.setLong(2, registrationId);
      select.setString(3, moduleId);
      select.setLong(4, resourceLinkId);
      select.setString(5, resourceId);
      select.setString(6, tag);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          finishers.add(
              new Finisher(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return finishers;
  }

  Optional<GradingLink> link(Connection c, long id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + LINK_COLUMNS + " FROM resource_link r WHERE r.id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(link(rs)) : Optional.empty();
      }
    }
  }

  Optional<URI> lineItem(Connection c, long linkId, String resourceId, String tag)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT url FROM line_item WHERE resource_link_id = ? AND resource_id = ? AND tag = ?")) {
      select.setLong(1, linkId);
      select.setString(2, resourceId);
      select.setString(3, tag);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(URI.create(rs.getString(1))) : Optional.empty();
      }
    }
  }

  void remember(Connection c, long linkId, String resourceId, String tag, URI url, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO line_item (resource_link_id, resource_id, tag, url, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, linkId);
      insert.setString(2, resourceId);
      insert.setString(3, tag);
      insert.setString(4, url.toString());
      insert.setObject(5, ScoreOutboxStore.utc(now));
      insert.executeUpdate();
    }
  }

  void forget(Connection c, long linkId, String resourceId, String tag) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM line_item WHERE resource_link_id = ? AND resource_id = ? AND tag = ?")) {
      delete.setLong(1, linkId);
      delete.setString(2, resourceId);
      delete.setString(3, tag);
      delete.executeUpdate();
    }
  }

  private static GradingLink link(ResultSet rs) throws SQLException {
    return new GradingLink(
        rs.getLong(1),
        rs.getString(2),
        uri(rs.getString(3)),
        uri(rs.getString(4)),
        GradingLink.parseScopes(rs.getString(5)));
  }

  private static URI uri(String text) {
    return text == null || text.isBlank() ? null : URI.create(text);
  }
}
