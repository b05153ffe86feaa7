package org.rapport.lti.launch;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Reads the launched user a {@link Launched} request carries, and checks roles. */
public final class CurrentUser {
  private CurrentUser() {}

  public static LaunchedUser of(ContainerRequestContext request) {
    return (LaunchedUser) request.getProperty(LaunchedUserFilter.PROPERTY);
  }

  public static String token(ContainerRequestContext request) {
    return (String) request.getProperty(ToolSessions.PARAMETER);
  }

  /** Faculty (instructors, administrators) only; students get a 403 that says why. */
  public static LaunchedUser faculty(ContainerRequestContext request) {
    LaunchedUser user = of(request);
    if (!user.isFaculty()) {
      throw new ForbiddenException(
          "This page is for faculty of the course. Students see their own work on their home page.");
    }
    return user;
  }
}
