package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.rapport.lti.protocol.registration.DynamicRegistration;
import org.rapport.lti.protocol.registration.DynamicRegistrationFailed;
import org.rapport.lti.protocol.registration.PlatformConfiguration;
import org.rapport.lti.protocol.registration.RegisteredClient;
import org.rapport.lti.protocol.registration.ToolDescription;
import org.rapport.lti.settings.OutboundSettings;

/**
 * LTI Dynamic Registration 1.0 (§3) started from an LMS with an invite: claims the invite, reads
 * the platform's OpenID configuration, registers Rapport at the platform's registration endpoint
 * and stores the registration ({@link RegistrationArrival}, one transaction). The calls to the LMS
 * hold no transaction open, so the claim, the calls and the storing are separate steps; when a call
 * fails the invite is given back.
 */
@ApplicationScoped
public class RegisterFromLms {
  private static final Logger LOG = Logger.getLogger(RegisterFromLms.class.getName());

  @Inject RegistrationInvites invites;
  @Inject RegistrationArrival arrival;
  @Inject OutboundSettings outbound;
  @Inject RegistrationChecks checks;

  private final DynamicRegistration protocol = new DynamicRegistration(Duration.ofSeconds(10));

  /** What the LMS's window shows: the registration made, or why there is none. */
  public sealed interface Result {}

  /** The registration is stored; it starts enabled when {@code enabled}. */
  public record Registered(String issuer, String clientId, boolean enabled) implements Result {}

  /** Nothing was registered, for the reason in {@code message}, answered with {@code status}. */
  public record Refused(int status, String message) implements Result {}

  /**
   * Registers Rapport, reachable at {@code base}, with the LMS whose OpenID configuration is at
   * {@code configuration} (empty when the LMS sent no usable URL).
   */
  public Result register(
      String inviteValue, Optional<URI> configuration, String registrationToken, URI base) {
    if (configuration.isEmpty()) {
      if (inviteValue == null || inviteValue.isEmpty()) {
        return refused(InviteRefusal.UNKNOWN);
      }
      // Checked before the invite is claimed, so a malformed request does not use it up.
      return new Refused(
          400,
          "The LMS did not send an openid_configuration URL. Start the registration from the"
              + " LMS's dynamic registration screen.");
    }
    RegistrationInvites.Outcome outcome = invites.claim(inviteValue);
    if (outcome.refusal().isPresent()) {
      return refused(outcome.refusal().get());
    }
    RegistrationInvites.Claim claim = outcome.claim().orElseThrow();
    try {
      PlatformConfiguration platform =
          protocol.fetchConfiguration(configuration.get(), outbound.http());
      RegisteredClient client =
          protocol.register(
              platform,
              protocol.toolRegistrationRequest(describe(base)),
              registrationToken,
              outbound.http());
      long id = arrival.store(claim, platform.issuer(), client, settings(platform, client, claim));
      LOG.info(
          () ->
              "Dynamic registration created registration "
                  + id
                  + " for issuer "
                  + platform.issuer()
                  + " client_id "
                  + client.clientId());
      return new Registered(platform.issuer(), client.clientId(), claim.enableOnArrival());
    } catch (DynamicRegistrationFailed e) {
      invites.release(claim);
      LOG.warning(() -> "Dynamic registration failed: " + e.getMessage());
      return new Refused(400, e.getMessage());
    } catch (RuntimeException e) {
      invites.release(claim);
      throw e;
    }
  }

  private static Refused refused(InviteRefusal refusal) {
    return new Refused(refusal.status(), refusal.sentence());
  }

  private RegistrationSettings settings(
      PlatformConfiguration platform, RegisteredClient client, RegistrationInvites.Claim claim) {
    return checks.asOffered(
        new RegistrationRequestView(
            platform
                .productFamilyCode()
                .map(code -> code + " (dynamic registration)")
                .orElse("Dynamic registration"),
            kindOf(platform.productFamilyCode().orElse("")),
            platform.issuer(),
            client.clientId(),
            platform.authorizationEndpoint().toString(),
            platform.tokenEndpoint() == null ? null : platform.tokenEndpoint().toString(),
            platform.jwksUri().toString(),
            RegistrationSettings.REJECT_UNKNOWN,
            claim.enableOnArrival()));
  }

  static String kindOf(String productFamily) {
    String p = productFamily.toLowerCase(Locale.ROOT);
    if (p.contains("canvas")) {
      return "CANVAS";
    }
    if (p.contains("moodle")) {
      return "MOODLE";
    }
    if (p.contains("blackboard")) {
      return "BLACKBOARD";
    }
    if (p.contains("desire2learn") || p.contains("d2l") || p.contains("brightspace")) {
      return "D2L";
    }
    if (p.contains("sakai")) {
      return "SAKAI";
    }
    return "OTHER";
  }

  private static ToolDescription describe(URI base) {
    return new ToolDescription(
        "Rapport",
        URI.create(base + "/lti/login"),
        URI.create(base + "/lti/launch"),
        URI.create(base + "/app"),
        URI.create(base + "/app"),
        URI.create(base + "/.well-known/jwks.json"),
        null,
        "Empathy education: modules on communication, relationship building and resilience, and a"
            + " yearly empathy self-assessment.",
        List.of("iss", "sub", "name", "given_name", "family_name", "email"),
        List.of("ContentArea", "link_selection", "assignment_selection"));
  }
}
