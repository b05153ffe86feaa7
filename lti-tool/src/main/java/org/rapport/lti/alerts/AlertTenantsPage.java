package org.rapport.lti.alerts;

import java.util.List;

/** The administrators' list of tenants, each with links to its alert rule and alert mail. */
record AlertTenantsPage(List<Tenant> tenants) {
  boolean empty() {
    return tenants.isEmpty();
  }

  record Tenant(long id, String name) {}
}
