package org.rapport.lti.launch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import org.rapport.lti.protocol.ToolOrigin;
import org.rapport.lti.protocol.keys.RemotePlatformKeys;
import org.rapport.lti.protocol.launch.LaunchValidator;
import org.rapport.lti.protocol.oidc.LoginFlow;
import org.rapport.lti.settings.OutboundSettings;
import org.rapport.lti.settings.RapportSettings;

/**
 * Rapport's LTI endpoint URLs and the protocol objects built on them (the login flow and the launch
 * validator with the database-backed stores), for the public address a request arrived at.
 */
@ApplicationScoped
public class LtiEndpoints {
  public static final String LOGIN_PATH = "/lti/login";
  public static final String LAUNCH_PATH = "/lti/launch";
  public static final String JWKS_PATH = "/.well-known/jwks.json";
  public static final String REGISTER_PATH = "/lti/register";
  public static final String DEEP_LINK_PATH = "/lti/launch";
  public static final String APP_PATH = "/app";

  @Inject RapportSettings settings;
  @Inject RegistrationDirectory directory;
  @Inject NonceRepository nonces;
  @Inject OutboundSettings outbound;
  @Inject Clock clock;

  private RemotePlatformKeys platformKeys;

  @PostConstruct
  void init() {
    platformKeys = new RemotePlatformKeys(outbound.policy(), clock);
  }

  /** The endpoints as seen from a request whose base URI is {@code requestBase}. */
  public At at(URI requestBase) {
    return new At(settings.publicUrl(requestBase));
  }

  /** Rapport's endpoints under one public address. */
  public final class At {
    private final URI base;

    At(URI base) {
      this.base = base;
    }

    public URI base() {
      return base;
    }

    public URI resolve(String path) {
      return URI.create(base + path);
    }

    public LoginFlow loginFlow() {
      return new LoginFlow(directory, resolve(LAUNCH_PATH), new ToolOrigin(base));
    }

    public LaunchValidator validator() {
      return new LaunchValidator(
          directory,
          directory,
          nonces,
          platformKeys,
          clock,
          settings.clockSkew(),
          new ToolOrigin(base));
    }
  }
}
