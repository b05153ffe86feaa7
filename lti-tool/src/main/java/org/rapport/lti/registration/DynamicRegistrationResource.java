package org.rapport.lti.registration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.PlatformRegistration;
import org.rapport.lti.admin.RegistrationRepository;
import org.rapport.lti.admin.RegistrationRequestView;
import org.rapport.lti.admin.RegistrationSettings;
import org.rapport.lti.protocol.registration.DynamicRegistration;
import org.rapport.lti.protocol.registration.DynamicRegistrationFailed;
import org.rapport.lti.protocol.registration.PlatformConfiguration;
import org.rapport.lti.protocol.registration.RegisteredClient;
import org.rapport.lti.protocol.registration.ToolDescription;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Pages;

/**
 * LTI Dynamic Registration 1.0 (§3): the platform opens this URL with {@code openid_configuration}
 * and {@code registration_token}; Rapport reads the platform's configuration, registers itself at
 * the platform's registration endpoint, stores the registration with its deployment, and tells the
 * platform's window it is done ({@code org.imsglobal.lti.close}).
 */
@Path("lti/register")
@Tag(name = "LTI")
public class DynamicRegistrationResource {
  private static final Logger LOG = Logger.getLogger(DynamicRegistrationResource.class.getName());

  @Inject RegistrationInvite invite;
  @Inject RegistrationRepository registrations;
  @Inject RapportSettings settings;
  @Inject Pages pages;
  @Context UriInfo uri;

  private final DynamicRegistration protocol = new DynamicRegistration(Duration.ofSeconds(10));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "LTI Dynamic Registration initiation (opened by the LMS)")
  public Response register(
      @QueryParam("invite") String inviteValue,
      @QueryParam("openid_configuration") String openidConfiguration,
      @QueryParam("registration_token") String registrationToken) {
    if (!invite.accepts(inviteValue)) {
      return failure(
          403,
          "This registration link is not valid. Copy the dynamic registration URL from Rapport's"
              + " administration page and paste it into your LMS again.");
    }
    URI configuration;
    try {
      configuration = new URI(openidConfiguration == null ? "" : openidConfiguration);
      if (configuration.getScheme() == null || configuration.getHost() == null) {
        throw new URISyntaxException(String.valueOf(openidConfiguration), "not absolute");
      }
    } catch (URISyntaxException e) {
      return failure(
          400,
          "The LMS did not send an openid_configuration URL. Start the registration from the"
              + " LMS's dynamic registration screen.");
    }
    URI base = settings.publicUrl(uri.getBaseUri());
    try {
      PlatformConfiguration platform = protocol.fetchConfiguration(configuration, http);
      RegisteredClient client =
          protocol.register(
              platform, protocol.toolRegistrationRequest(describe(base)), registrationToken, http);
      PlatformRegistration stored = store(platform, client);
      client.deploymentId().ifPresent(d -> registrations.recordDeploymentLaunch(stored.getId(), d));
      LOG.info(
          () ->
              "Dynamic registration created registration "
                  + stored.getId()
                  + " for issuer "
                  + platform.issuer()
                  + " client_id "
                  + client.clientId());
      return Response.ok(
              pages.render(
                  "lti-registered",
                  "Rapport is registered",
                  Map.of("issuer", platform.issuer(), "clientId", client.clientId())))
          .build();
    } catch (DynamicRegistrationFailed e) {
      LOG.warning(() -> "Dynamic registration failed: " + e.getMessage());
      return failure(400, e.getMessage());
    }
  }

  private PlatformRegistration store(PlatformConfiguration platform, RegisteredClient client) {
    RegistrationSettings checked =
        RegistrationSettings.from(
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
                true));
    return registrations
        .create(platform.issuer(), client.clientId(), checked)
        .orElseThrow(
            () ->
                new DynamicRegistrationFailed(
                    "This LMS already has a registration with client id "
                        + client.clientId()
                        + " in Rapport."));
  }

  private static String kindOf(String productFamily) {
    String p = productFamily.toLowerCase(java.util.Locale.ROOT);
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

  private Response failure(int status, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "error",
                "Registration failed",
                Map.of("status", status, "title", "Registration failed", "message", message)))
        .build();
  }
}
