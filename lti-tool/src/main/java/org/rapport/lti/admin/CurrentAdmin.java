package org.rapport.lti.admin;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The administrator an request of an administrator acts for, for audit entries and records. */
public final class CurrentAdmin {
  private CurrentAdmin() {}

  public static String of(ContainerRequestContext request) {
    Object admin = request.getProperty(AdministratorAuthenticator.PROPERTY);
    return admin == null ? "unknown administrator" : "admin " + admin;
  }
}
