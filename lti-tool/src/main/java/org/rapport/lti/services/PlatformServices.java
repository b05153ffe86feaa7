package org.rapport.lti.services;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.rapport.lti.keys.ToolKeys;
import org.rapport.lti.launch.RegistrationDirectory;
import org.rapport.lti.protocol.ags.AgsClient;
import org.rapport.lti.protocol.nrps.NrpsClient;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.services.ServiceCallFailed;
import org.rapport.lti.protocol.services.ServiceClient;
import org.rapport.lti.protocol.services.ServiceHttp;
import org.rapport.lti.protocol.services.ServiceTokens;
import org.rapport.lti.protocol.services.TokenRequest;
import org.rapport.lti.settings.OutboundSettings;

/**
 * The platform service clients of this node. Access tokens are cached here, in memory, per
 * registration and scope set; assertions are signed with the tool key that is current when a token
 * is requested.
 */
@ApplicationScoped
public class PlatformServices {
  @Inject ToolKeys keys;
  @Inject RegistrationDirectory directory;
  @Inject OutboundSettings outbound;
  @Inject Clock clock;

  private ServiceTokens tokens;
  private AgsClient ags;
  private NrpsClient nrps;

  @PostConstruct
  void init() {
    ServiceHttp http = new ServiceHttp(outbound.http(), clock);
    tokens = new ServiceTokens(http, keys::signingKey, clock);
    ServiceClient client = new ServiceClient(tokens, http);
    ags = new AgsClient(client);
    nrps = new NrpsClient(client);
  }

  public AgsClient ags() {
    return ags;
  }

  public NrpsClient nrps() {
    return nrps;
  }

  /**
   * The token request for a registration and scopes the platform granted.
   *
   * @throws ServiceCallFailed (registration-wide) when the registration is gone, disabled or has no
   *     token endpoint
   */
  public TokenRequest tokenRequest(long registrationId, Set<String> scopes) {
    Registration registration =
        directory
            .find(registrationId)
            .orElseThrow(
                () ->
                    ServiceCallFailed.permanent(
                        "Registration " + registrationId + " no longer exists"));
    if (!registration.enabled()) {
      throw ServiceCallFailed.permanent(
              "Registration "
                  + registrationId
                  + " is disabled; its scores wait until it is enabled")
          .registrationWide();
    }
    if (registration.tokenEndpoint() == null) {
      throw ServiceCallFailed.permanent(
              "Registration "
                  + registrationId
                  + " has no token endpoint; its scores wait until the LMS's token URL is added")
          .registrationWide();
    }
    return new TokenRequest(
        registrationId, registration.clientId(), registration.tokenEndpoint(), scopes);
  }
}
