package org.rapport.lti.admin;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The administrator an {@link AdminOnly} request acts for, for audit entries and records. */
public final class CurrentAdmin {
  private CurrentAdmin() {}

  public static String of(ContainerRequestContext request) {
    Object admin = request.getProperty(AdminGuard.PROPERTY);
    return admin == null ? "unknown administrator" : "admin " + admin;
  }
}
