package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who is mailed about a tenant's new alerts: the addresses in its alert settings, and (unless
 * switched off) its instructors and administrators whose LMS sent Rapport an email address.
 */
public final class AlertRecipients {
  private AlertRecipients() {}

  public static Set<String> of(Connection connection, long registrationId, RuleSettings settings)
      throws SQLException {
    Set<String> recipients = new LinkedHashSet<>();
    for (String r : settings.recipients()) {
      recipients.add(r.toLowerCase(Locale.ROOT));
    }
    if (settings.mailFaculty()) {
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT DISTINCT l.email FROM learner l"
                  + " JOIN membership m ON m.learner_id = l.id"
                  + " JOIN course c ON c.id = m.course_id"
                  + " WHERE l.registration_id = ? AND c.registration_id = ? AND m.active = TRUE"
                  + " AND m.role IN ('INSTRUCTOR', 'ADMINISTRATOR') AND l.email IS NOT NULL")) {
        s.setLong(1, registrationId);
        s.setLong(2, registrationId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String email = rs.getString(1).strip();
            if (email.contains("@") && email.length() <= 320) {
              recipients.add(email.toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return recipients;
  }
}
