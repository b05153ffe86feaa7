package org.rapport.lti.launch;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Reads the launched user of a request to a resource that allows only launched users' roles ({@link
 * LaunchedUserAuthenticator} put it there), and the session token it came with.
 */
public final class CurrentUser {
  private CurrentUser() {}

  public static LaunchedUser of(ContainerRequestContext request) {
    return (LaunchedUser) request.getProperty(LaunchedUserAuthenticator.PROPERTY);
  }

  public static String token(ContainerRequestContext request) {
    return (String) request.getProperty(ToolSessions.PARAMETER);
  }
}
