package org.rapport.lti.security;

import java.util.Set;

/** Who a request acts for once an authenticator accepted its credentials, and their groups. */
public record Caller(String name, Set<String> groups) {
  public Caller {
    groups = Set.copyOf(groups);
  }
}
