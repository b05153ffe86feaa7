package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import org.rapport.lti.persistence.InsertIfAbsent;

/**
 * Creates a learner's progress row for a module in the caller's transaction: when two requests
 * start the same module at once, one row goes in, the other insert does nothing, and both requests
 * go on with that row.
 */
@ApplicationScoped
public class ProgressStarter {
  @Inject Clock clock;
  @Inject InsertIfAbsent inserts;

  @Transactional(Transactional.TxType.MANDATORY)
  public void start(
      long registrationId, long learnerId, Long courseId, String moduleId, String stepId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("registration_id", registrationId);
    row.put("learner_id", learnerId);
    if (courseId != null) {
      row.put("course_id", courseId);
    }
    row.put("module_id", moduleId);
    row.put("current_step", stepId);
    row.put("started_at", now);
    row.put("updated_at", now);
    inserts.insert("module_progress", row, List.of("learner_id", "module_id"), registrationId);
  }
}
