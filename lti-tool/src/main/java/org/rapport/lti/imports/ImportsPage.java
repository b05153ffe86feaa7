package org.rapport.lti.imports;

import java.util.List;

/** The imports page: the upload form with its tenants, recent imports and a refused upload. */
record ImportsPage(List<ImportJobView> jobs, List<Tenant> tenants, String error) {
  boolean hasJobs() {
    return !jobs.isEmpty();
  }

  /** A registration the file can be imported into. */
  record Tenant(long id, String name) {}
}
