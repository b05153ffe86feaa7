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
import org.rapport.lti.settings.RapportSettings;

/**
 * Rapport's LTI endpoint URLs and the protocol objects built on them: the login flow and the launch
 * validator with the database-backed stores.
 */
@ApplicationScoped
public class LtiEndpoints {
  public static final String LOGIN_PATH = "/lti/login";
  public static final String LAUNCH_PATH = "/lti/launch";
  public static final String JWKS_PATH = "/.well-known/jwks.json";
  public static final String REGISTER_PATH = "/lti/register";
  public static final String APP_PATH = "/app";

  @Inject RapportSettings settings;
  @Inject RegistrationDirectory directory;
  @Inject NonceRepository nonces;

  private LoginFlow loginFlow;
  private LaunchValidator validator;
  private final RemotePlatformKeys platformKeys = new RemotePlatformKeys();

  @PostConstruct
  void init() {
    ToolOrigin origin = new ToolOrigin(settings.publicUrl());
    loginFlow = new LoginFlow(directory, launchUri(), origin);
    validator =
        new LaunchValidator(
            directory,
            directory,
            nonces,
            platformKeys,
            Clock.systemUTC(),
            settings.clockSkew(),
            origin);
  }

  public LoginFlow loginFlow() {
    return loginFlow;
  }

  public LaunchValidator validator() {
    return validator;
  }

  public URI loginUri() {
    return settings.resolve(LOGIN_PATH);
  }

  public URI launchUri() {
    return settings.resolve(LAUNCH_PATH);
  }

  public URI jwksUri() {
    return settings.resolve(JWKS_PATH);
  }

  public URI registerUri() {
    return settings.resolve(REGISTER_PATH);
  }

  public URI appUri() {
    return settings.resolve(APP_PATH);
  }
}
