package org.rapport.lti.registration;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The exact values an LMS administrator pastes into Canvas, Moodle, Blackboard, D2L or Sakai to
 * register Rapport by hand, for Rapport at a given public address.
 */
public final class PlatformSetupValues {
  public static final List<String> SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

  /** One labelled value to copy. */
  public record Value(String label, String value) {}

  /** Everything one LMS needs, with its own field names and a few steps. */
  public record Platform(
      String name, String id, List<Value> values, List<String> steps, String json) {}

  private final URI base;

  public PlatformSetupValues(URI base) {
    this.base = base;
  }

  public String loginUrl() {
    return base + "/lti/login";
  }

  public String redirectUrl() {
    return base + "/lti/launch";
  }

  public String jwksUrl() {
    return base + "/.well-known/jwks.json";
  }

  public String targetLinkUrl() {
    return base + "/app";
  }

  public String deepLinkUrl() {
    return base + "/app";
  }

  public List<Platform> all() {
    String scopes = String.join(" ", SCOPES);
    return List.of(
        new Platform(
            "Canvas",
            "canvas",
            List.of(
                new Value("Redirect URIs", redirectUrl()),
                new Value("Target Link URI", targetLinkUrl()),
                new Value("OpenID Connect Initiation URL", loginUrl()),
                new Value("JWK Method: Public JWK URL", jwksUrl()),
                new Value("LTI Advantage Services (scopes)", scopes)),
            List.of(
                "Admin → Developer Keys → + Developer Key → + LTI Key.",
                "Choose Key Method \"Paste JSON\" and paste the JSON below, or fill in the fields.",
                "Save, switch the key ON, and copy its Client ID.",
                "Add the app to an account or course with that Client ID (Settings → Apps)"
                    + " and copy the Deployment ID.",
                "Register in Rapport: issuer https://canvas.instructure.com (or your Canvas's),"
                    + " the Client ID, authorization endpoint"
                    + " https://sso.canvaslms.com/api/lti/authorize_redirect and JWKS"
                    + " https://sso.canvaslms.com/api/lti/security/jwks (use the test or beta"
                    + " hosts for those environments)."),
            canvasJson()),
        new Platform(
            "Moodle",
            "moodle",
            List.of(
                new Value("Tool URL", targetLinkUrl()),
                new Value("LTI version", "LTI 1.3"),
                new Value("Public key type", "Keyset URL"),
                new Value("Public keyset", jwksUrl()),
                new Value("Initiate login URL", loginUrl()),
                new Value("Redirection URI(s)", redirectUrl()),
                new Value("Supports Deep Linking (Content-Item Message)", "Yes"),
                new Value("Content Selection URL", deepLinkUrl()),
                new Value(
                    "Dynamic registration",
                    "Paste Rapport's dynamic registration URL into"
                        + " Site administration → Plugins → External tool → Manage tools → Tool URL")),
            List.of(
                "Fastest: use dynamic registration (the URL is in Rapport's admin page).",
                "By hand: Site administration → Plugins → External tool → Manage tools →"
                    + " configure a tool manually, with the values above; under Services enable"
                    + " IMS LTI Assignment and Grade Services and Names and Role Provisioning.",
                "Moodle then shows Platform ID (issuer), Client ID, Deployment ID, Public keyset"
                    + " URL, Access token URL and Authentication request URL: register them in"
                    + " Rapport."),
            null),
        new Platform(
            "Blackboard Learn",
            "blackboard",
            List.of(
                new Value("Login Initiation URL", loginUrl()),
                new Value("Tool Redirect URL(s)", redirectUrl()),
                new Value("Tool JWKS URL", jwksUrl()),
                new Value("Signing Algorithm", "RS256"),
                new Value(
                    "Custom Parameters",
                    "rapport_matriculation_year=@X@user.batch_uid@X@ (optional)")),
            List.of(
                "Register the tool in the Anthology Developer Portal with the values above to get"
                    + " an Application ID (the client id).",
                "In Learn: Administrator Panel → LTI Tool Providers → Register LTI 1.3/Advantage"
                    + " Tool, with that Client ID; Learn shows the issuer"
                    + " (https://blackboard.com), the deployment id, the authorization endpoint and"
                    + " the keyset URL: register them in Rapport.",
                "Allow the membership service and grade service under Institution Policies."),
            null),
        new Platform(
            "D2L Brightspace",
            "d2l",
            List.of(
                new Value("Domain", base.getHost()),
                new Value("Redirect URLs", redirectUrl()),
                new Value("OpenID Connect Login URL", loginUrl()),
                new Value("Target Link URI", targetLinkUrl()),
                new Value("Keyset URL", jwksUrl()),
                new Value(
                    "Extensions",
                    "Assignment and Grade Services, Deep Linking, Names and"
                        + " Role Provisioning Services")),
            List.of(
                "Admin Tools → Manage Extensibility → LTI Advantage → Register Tool (Standard),"
                    + " or paste Rapport's dynamic registration URL.",
                "Create a deployment for the org units that use Rapport and add links.",
                "D2L shows Issuer, Client ID, OpenID Connect Authentication Endpoint, Brightspace"
                    + " OAuth2 Access Token URL and Brightspace Keyset URL: register them in"
                    + " Rapport."),
            null),
        new Platform(
            "Sakai",
            "sakai",
            List.of(
                new Value("LTI 1.3 Launch URL", targetLinkUrl()),
                new Value("Tool OIDC Login Initiation URL", loginUrl()),
                new Value("Tool OIDC Redirect Endpoint", redirectUrl()),
                new Value("Tool Keyset URL", jwksUrl()),
                new Value(
                    "Services", "Allow the tool to send grades back and to retrieve the roster")),
            List.of(
                "Administration Workspace → External Tools → Install LTI 1.x Tool, choose LTI"
                    + " 1.3 and enter the values above (or use Sakai's LTI Dynamic"
                    + " Registration with Rapport's registration URL).",
                "Sakai shows the LMS Issuer, Client ID, Deployment ID, OIDC authentication URL,"
                    + " token URL and keyset URL: register them in Rapport."),
            null));
  }

  /** Canvas's LTI 1.3 developer-key JSON for Rapport. */
  public String canvasJson() {
    JsonArrayBuilder placements =
        Json.createArrayBuilder()
            .add(placement("course_navigation", "LtiResourceLinkRequest", targetLinkUrl()))
            .add(placement("link_selection", "LtiDeepLinkingRequest", deepLinkUrl()))
            .add(placement("assignment_selection", "LtiDeepLinkingRequest", deepLinkUrl()));
    JsonObject json =
        Json.createObjectBuilder()
            .add("title", "Rapport")
            .add(
                "description",
                "Empathy education: communication, relationship-building and resilience modules"
                    + " and a yearly empathy self-assessment.")
            .add("oidc_initiation_url", loginUrl())
            .add("target_link_uri", targetLinkUrl())
            .add("public_jwk_url", jwksUrl())
            .add("scopes", Json.createArrayBuilder(SCOPES))
            .add(
                "extensions",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("domain", base.getHost())
                            .add("tool_id", "rapport")
                            .add("platform", "canvas.instructure.com")
                            .add("privacy_level", "public")
                            .add(
                                "settings",
                                Json.createObjectBuilder()
                                    .add("text", "Rapport")
                                    .add("placements", placements))))
            .add("custom_fields", Json.createObjectBuilder())
            .build();
    StringWriter out = new StringWriter();
    JsonWriterFactory factory =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    try (JsonWriter writer = factory.createWriter(out)) {
      writer.write(json);
    }
    return out.toString().strip();
  }

  private static JsonObject placement(String placement, String messageType, String target) {
    return Json.createObjectBuilder()
        .add("placement", placement)
        .add("message_type", messageType)
        .add("target_link_uri", target)
        .add("text", "Rapport")
        .build();
  }
}
