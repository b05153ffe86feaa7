package org.rapport.lti.cohorts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;

/**
 * Reads a tenant's programme with plain JDBC, for the work that runs on a connection of its own
 * (alert evaluation, analytics reads): the stages its schedule template names, in order, or
 * Rapport's standard sequence when it has none. {@link Schedules#programme} reads the same rows
 * through JPA.
 */
public final class StoredProgramme {
  private StoredProgramme() {}

  public static Programme load(Connection connection, long registrationId) throws SQLException {
    List<TrainingStage> stages = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT st.stage, st.label, st.short_label, st.phase, st.stage_order,"
                + " st.offset_months FROM schedule_template_stage st JOIN schedule_template t"
                + " ON t.id = st.template_id WHERE t.registration_id = ?"
                + " ORDER BY st.stage_order")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          stages.add(
              ScheduleStageRecord.stage(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      stages.size())
                  .placed(stages.size(), rs.getInt(6) / 12));
        }
      }
    }
    return stages.isEmpty() ? Programme.standard() : new Programme(stages);
  }
}
