package org.rapport.lti.protocol.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;

/**
 * The body of Rapport's client registration request (LTI Dynamic Registration 1.0 §3.5.2, RFC 7591
 * §2 metadata with the {@code lti-tool-configuration} extension).
 */
public record ClientRegistrationRequest(Map<String, Object> body) {

  public ClientRegistrationRequest {
    body = Map.copyOf(body);
  }

  /** The space-separated scopes requested. */
  public String scope() {
    Object scope = body.get("scope");
    return scope == null ? "" : scope.toString();
  }

  public String toJson() {
    return JSONObjectUtils.toJSONString(body);
  }
}
