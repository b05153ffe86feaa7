package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.rapport.lti.session.ServerSecrets;

/**
 * The secret that makes the dynamic registration URL work: only someone who got the URL from
 * Rapport's admin page can create a registration with it.
 */
@ApplicationScoped
public class RegistrationInvite {
  static final String SECRET = "dynamic-registration-invite";

  @Inject ServerSecrets secrets;

  public URI url(URI base) {
    return URI.create(base + "/lti/register?invite=" + value());
  }

  public boolean accepts(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            value().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  private String value() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.bytes(SECRET));
  }
}
