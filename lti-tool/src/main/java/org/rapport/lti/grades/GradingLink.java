package org.rapport.lti.grades;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.rapport.lti.protocol.claims.AgsEndpoint;
import org.rapport.lti.protocol.services.ServiceCallFailed;

/**
 * A resource link's AGS endpoint as its latest launch granted it (AGS 2.0 §3.1).
 *
 * @param id Rapport's id of the resource link
 * @param linkId the LMS's resource link id
 * @param lineItems the context's line-items URL, or null
 * @param lineItem the link's own line item, or null
 * @param scopes the AGS scopes granted
 */
public record GradingLink(long id, String linkId, URI lineItems, URI lineItem, Set<String> scopes) {

  public GradingLink {
    scopes = Set.copyOf(scopes);
  }

  /**
   * The scopes Rapport asks a token for when delivering to this link: {@code score}; when granted,
   * {@code lineitem} (else {@code lineitem.readonly}); and when granted, {@code result.readonly},
   * to check a score in doubt before posting it again. Only granted scopes, and always the same set
   * for the same grant, so that one cached token serves every link of a registration.
   *
   * @throws ServiceCallFailed (permanent) when the platform did not grant the score scope
   */
  Set<String> deliveryScopes() {
    if (!scopes.contains(AgsEndpoint.SCOPE_SCORE)) {
      throw ServiceCallFailed.permanent(
          "The LMS did not grant the score scope ("
              + AgsEndpoint.SCOPE_SCORE
              + ") for resource link "
              + linkId
              + "; allow it in the LMS's tool configuration and resend");
    }
    Set<String> wanted = new LinkedHashSet<>();
    wanted.add(AgsEndpoint.SCOPE_SCORE);
    if (scopes.contains(AgsEndpoint.SCOPE_LINEITEM)) {
      wanted.add(AgsEndpoint.SCOPE_LINEITEM);
    } else if (scopes.contains(AgsEndpoint.SCOPE_LINEITEM_READONLY)) {
      wanted.add(AgsEndpoint.SCOPE_LINEITEM_READONLY);
    }
    if (mayReadResults()) {
      wanted.add(AgsEndpoint.SCOPE_RESULT_READONLY);
    }
    return wanted;
  }

  boolean mayReadResults() {
    return scopes.contains(AgsEndpoint.SCOPE_RESULT_READONLY);
  }

  boolean mayReadLineItems() {
    return scopes.contains(AgsEndpoint.SCOPE_LINEITEM)
        || scopes.contains(AgsEndpoint.SCOPE_LINEITEM_READONLY);
  }

  boolean mayCreateLineItems() {
    return scopes.contains(AgsEndpoint.SCOPE_LINEITEM);
  }

  static Set<String> parseScopes(String stored) {
    Set<String> scopes = new LinkedHashSet<>();
    if (stored != null) {
      for (String scope : stored.strip().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    }
    return scopes;
  }
}
