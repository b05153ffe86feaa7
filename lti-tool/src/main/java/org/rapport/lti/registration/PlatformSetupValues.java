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

  /** What to say about custom parameters where the LMS needs none. */
  static final String NO_CUSTOM_PARAMETERS =
      "None needed. Optional, per link: rapport_matriculation_year=<year> on a link meant for one"
          + " class (e.g. rapport_matriculation_year=2024); without it each student is asked once.";

  /**
   * Blackboard Learn has no substitution variable for a matriculation year: @X@user.batch_uid@X@ is
   * the user's external person key, so it must never feed rapport_matriculation_year.
   */
  static final String BLACKBOARD_CUSTOM_PARAMETERS =
      "None needed. Leave rapport_matriculation_year out: Learn has no variable for it"
          + " (@X@user.batch_uid@X@ is the user's external person key, not a year), and each"
          + " student is asked once. Optional: rapport_student_id=@X@user.batch_uid@X@ only if that"
          + " key is the pseudonymous id your import files use.";

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
    return List.of(canvas(), moodle(), blackboard(), d2l(), sakai());
  }

  private Platform canvas() {
    String scopes = String.join(" ", SCOPES);
    return new Platform(
        "Canvas",
        "canvas",
        List.of(
            new Value("Redirect URIs", redirectUrl()),
            new Value("Target Link URI", targetLinkUrl()),
            new Value("OpenID Connect Initiation URL", loginUrl()),
            new Value("JWK Method: Public JWK URL", jwksUrl()),
            new Value("LTI Advantage Services (scopes)", scopes),
            new Value(
                "Placements",
                "Course Navigation (launch), Link Selection and Assignment Selection (deep"
                    + " linking to the content selection page)"),
            new Value("Custom fields", NO_CUSTOM_PARAMETERS)),
        List.of(
            "Admin → Developer Keys → + Developer Key → + LTI Key.",
            "Choose Key Method \"Paste JSON\" and paste the JSON below, or fill in the fields.",
            "Save, switch the key ON, and copy its Client ID.",
            "Add the app to an account or course with that Client ID (Settings → Apps)"
                + " and copy the Deployment ID.",
            "Register in Rapport: issuer https://canvas.instructure.com (or your Canvas's),"
                + " the Client ID, authorization endpoint"
                + " https://sso.canvaslms.com/api/lti/authorize_redirect, token URL"
                + " https://sso.canvaslms.com/login/oauth2/token and JWKS"
                + " https://sso.canvaslms.com/api/lti/security/jwks (use the test or beta"
                + " hosts for those environments)."),
        canvasJson());
  }

  private Platform moodle() {
    return new Platform(
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
                "Tool configuration usage",
                "Show in the activity chooser (or as a preconfigured tool); teachers add"
                    + " Rapport to a course as an External tool activity"),
            new Value("Custom parameters", NO_CUSTOM_PARAMETERS),
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
        null);
  }

  private Platform blackboard() {
    return new Platform(
        "Blackboard Learn",
        "blackboard",
        List.of(
            new Value("Login Initiation URL", loginUrl()),
            new Value("Tool Redirect URL(s)", redirectUrl()),
            new Value("Tool JWKS URL", jwksUrl()),
            new Value("Signing Algorithm", "RS256"),
            new Value(
                "Placement",
                "Manage Placements → Create Placement: a Course content tool with Target Link"
                    + " URI "
                    + targetLinkUrl()
                    + ", and a Deep Linking content tool with "
                    + deepLinkUrl()
                    + " for content selection"),
            new Value("Custom Parameters", BLACKBOARD_CUSTOM_PARAMETERS)),
        List.of(
            "Register the tool in the Anthology Developer Portal with the values above to get"
                + " an Application ID (the client id).",
            "In Learn: Administrator Panel → LTI Tool Providers → Register LTI 1.3/Advantage"
                + " Tool, with that Client ID; Learn shows the issuer"
                + " (https://blackboard.com), the deployment id, the authorization endpoint and"
                + " the keyset URL: register them in Rapport.",
            "Allow the membership service and grade service under Institution Policies."),
        null);
  }

  private Platform d2l() {
    return new Platform(
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
                    + " Role Provisioning Services"),
            new Value(
                "Placement",
                "A deployment for the org units that use Rapport, then a link (or a Deep"
                    + " Linking Quicklink for content selection) in each course"),
            new Value("Custom parameters", NO_CUSTOM_PARAMETERS)),
        List.of(
            "Admin Tools → Manage Extensibility → LTI Advantage → Register Tool (Standard),"
                + " or paste Rapport's dynamic registration URL.",
            "Create a deployment for the org units that use Rapport and add links.",
            "D2L shows Issuer, Client ID, OpenID Connect Authentication Endpoint, Brightspace"
                + " OAuth2 Access Token URL and Brightspace Keyset URL: register them in"
                + " Rapport."),
        null);
  }

  private Platform sakai() {
    return new Platform(
        "Sakai",
        "sakai",
        List.of(
            new Value("LTI 1.3 Launch URL", targetLinkUrl()),
            new Value("Tool OIDC Login Initiation URL", loginUrl()),
            new Value("Tool OIDC Redirect Endpoint", redirectUrl()),
            new Value("Tool Keyset URL", jwksUrl()),
            new Value("Services", "Allow the tool to send grades back and to retrieve the roster"),
            new Value(
                "Placement",
                "Allow it in the site navigation and in Lessons, with Deep Linking for content"
                    + " selection"),
            new Value("Custom parameters", NO_CUSTOM_PARAMETERS)),
        List.of(
            "Administration Workspace → External Tools → Install LTI 1.x Tool, choose LTI"
                + " 1.3 and enter the values above (or use Sakai's LTI Dynamic"
                + " Registration with Rapport's registration URL).",
            "Sakai shows the LMS Issuer, Client ID, Deployment ID, OIDC authentication URL,"
                + " token URL and keyset URL: register them in Rapport."),
        null);
  }

  /** The set-up values of one LMS; OTHER gets the values every LTI 1.3 platform asks for. */
  public Platform of(PlatformKind kind) {
    return switch (kind) {
      case CANVAS -> canvas();
      case MOODLE -> moodle();
      case BLACKBOARD -> blackboard();
      case D2L -> d2l();
      case SAKAI -> sakai();
      case OTHER -> other();
    };
  }

  private Platform other() {
    return new Platform(
        PlatformKind.OTHER.label(),
        "other",
        List.of(
            new Value("OIDC login initiation URL", loginUrl()),
            new Value("Redirect (launch) URL", redirectUrl()),
            new Value("Target link URI", targetLinkUrl()),
            new Value("Deep linking (content selection) URL", deepLinkUrl()),
            new Value("Public keyset (JWKS) URL", jwksUrl()),
            new Value("Scopes", String.join(" ", SCOPES)),
            new Value("Custom parameters", NO_CUSTOM_PARAMETERS)),
        List.of(
            "Register Rapport as an LTI 1.3 tool with the values above, or paste a"
                + " dynamic registration URL if the platform supports LTI Dynamic"
                + " Registration.",
            "The platform then shows its issuer, client id, deployment id,"
                + " authorization endpoint, token URL and keyset URL: enter them"
                + " below."),
        null);
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
