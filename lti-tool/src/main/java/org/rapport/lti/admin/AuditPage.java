package org.rapport.lti.admin;

import java.util.List;

/**
 * The audit log page: the newest entries, optionally of one tenant or one student.
 *
 * @param registrationId the tenant shown, or null for all
 * @param studentId the student shown, or null for all
 */
record AuditPage(List<AuditEntryView> entries, Long registrationId, Long studentId) {
  boolean empty() {
    return entries.isEmpty();
  }

  boolean filtered() {
    return registrationId != null || studentId != null;
  }
}
