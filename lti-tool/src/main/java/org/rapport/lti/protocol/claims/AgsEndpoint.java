package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Assignment and Grade Services endpoint of the launch (AGS 2.0 §3.1, {@code
 * lti-ags/claim/endpoint}): the scopes the platform granted and the line-item URLs.
 */
public record AgsEndpoint(Set<String> scopes, Optional<URI> lineItems, Optional<URI> lineItem) {
  private static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  public static final String SCOPE_LINEITEM = SCOPE + "lineitem";
  public static final String SCOPE_LINEITEM_READONLY = SCOPE + "lineitem.readonly";
  public static final String SCOPE_RESULT_READONLY = SCOPE + "result.readonly";
  public static final String SCOPE_SCORE = SCOPE + "score";

  public AgsEndpoint {
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(lineItems, "lineItems");
    Objects.requireNonNull(lineItem, "lineItem");
  }

  public boolean allows(String scope) {
    return scopes.contains(scope);
  }

  public static Optional<AgsEndpoint> from(JWTClaimsSet claims) {
    return ClaimReader.object(claims, LtiClaims.AGS_ENDPOINT)
        .map(
            endpoint ->
                new AgsEndpoint(
                    Set.copyOf(endpoint.stringList("scope")),
                    endpoint.uri("lineitems"),
                    endpoint.uri("lineitem")));
  }
}
