package org.rapport.lti.testdata;

import static org.rapport.lti.testdata.LmsHttpServer.body;
import static org.rapport.lti.testdata.LmsHttpServer.respond;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test LMS's side of LTI Dynamic Registration: its OpenID configuration, and a registration
 * endpoint that accepts a POST with the bearer token {@code reg-token-1} and keeps the body.
 */
final class LmsRegistrationEndpoints {
  private final String base;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  LmsRegistrationEndpoints(String base) {
    this.base = base;
  }

  /** The bodies of the registration requests accepted. */
  List<String> requests() {
    return requests;
  }

  void openidConfiguration(HttpExchange exchange) throws IOException {
    String json =
        """
        {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token",
         "jwks_uri": "%1$s/jwks", "registration_endpoint": "%1$s/register",
         "scopes_supported": ["openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score",
           "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"],
         "response_types_supported": ["id_token"], "subject_types_supported": ["public", "pairwise"],
         "id_token_signing_alg_values_supported": ["RS256"],
         "token_endpoint_auth_methods_supported": ["private_key_jwt"],
         "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
         "claims_supported": ["iss", "sub", "name"],
         "https://purl.imsglobal.org/spec/lti-platform-configuration": {
           "product_family_code": "rapport-test-platform", "version": "1.0",
           "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}]}}
        """
            .formatted(base);
    respond(exchange, 200, "application/json", json);
  }

  void register(HttpExchange exchange) throws IOException {
    String body = body(exchange);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!"POST".equals(exchange.getRequestMethod()) || !"Bearer reg-token-1".equals(auth)) {
      respond(exchange, 401, "application/json", "{\"error\": \"invalid_token\"}");
      return;
    }
    requests.add(body);
    String json =
        """
        {"client_id": "dyn-client-1", "registration_client_uri": "%s/register/dyn-client-1",
         "application_type": "web", "response_types": ["id_token"],
         "grant_types": ["implicit", "client_credentials"],
         "https://purl.imsglobal.org/spec/lti-tool-configuration": {
           "domain": "localhost", "deployment_id": "dyn-deployment-1",
           "target_link_uri": "http://localhost/app", "claims": ["iss", "sub"], "messages": []}}
        """
            .formatted(base);
    respond(exchange, 200, "application/json", json);
  }
}
