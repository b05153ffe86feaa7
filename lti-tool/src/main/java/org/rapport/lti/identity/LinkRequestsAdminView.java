package org.rapport.lti.identity;

import java.util.List;

/** The administrators' page of student link requests waiting for a decision. */
record LinkRequestsAdminView(List<StudentLinkRequestView> requests) {
  boolean empty() {
    return requests.isEmpty();
  }
}
