package org.rapport.lti.imports;

import java.util.List;

/**
 * The observed-ratings import page: the upload form with its tenants, the recent imports, and a
 * refused upload (a request problem in {@code error}, or a file's problems in {@code refused}).
 */
record ObservedImportsPage(
    List<ObservedImports.ImportView> imports,
    List<ImportsPage.Tenant> tenants,
    String error,
    ObservedImports.Result refused,
    int maxRows) {
  boolean hasImports() {
    return !imports.isEmpty();
  }

  boolean hasTenants() {
    return !tenants.isEmpty();
  }

  boolean moreProblems() {
    return refused != null && refused.problemCount() > refused.problems().size();
  }
}
