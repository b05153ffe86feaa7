package org.rapport.lti.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapport.lti.launch.LaunchLog;
import org.rapport.lti.launch.LaunchRecord;
import org.rapport.lti.registration.HandRegistration;
import org.rapport.lti.registration.PlatformEndpoints;
import org.rapport.lti.registration.PlatformKind;
import org.rapport.lti.registration.PlatformRegistration;
import org.rapport.lti.registration.PlatformSetupValues;
import org.rapport.lti.registration.RegistrationAdministration;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.registration.RegistrationRequestView;
import org.rapport.lti.registration.RegistrationSettings;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;

/**
 * The registration wizard's pages: the choice of LMS, the form for that LMS with its known
 * endpoints filled in, the save through {@link HandRegistration}, and "test this registration" with
 * the last launch received.
 */
@ApplicationScoped
public class RegistrationWizard {
  /** Where the built-in test platform answers (development mode only; reached over HTTP). */
  static final String TEST_PLATFORM_PATH = "/dev/platform";

  /** The fields a problem of the registration use case can name, in the form's order. */
  static final List<String> FIELDS =
      List.of(
          "name",
          "issuer",
          "clientId",
          "deploymentId",
          "authEndpoint",
          "tokenEndpoint",
          "jwksUri",
          "deploymentPolicy");

  @Inject HandRegistration registration;
  @Inject RegistrationAdministration administration;
  @Inject RegistrationRepository registrations;
  @Inject LaunchLog launches;
  @Inject RapportSettings settings;

  /** The outcome of a save: the registration made, or the form again with its problems. */
  sealed interface Saved permits Created, Refused {}

  record Created(long id, String name) implements Saved {}

  record Refused(RegistrationWizardView page) implements Saved {}

  /** The LMS a form value names; empty when it names none. */
  static Optional<PlatformKind> kind(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Arrays.stream(PlatformKind.values())
        .filter(k -> k.name().equals(value.strip().toUpperCase(Locale.ROOT)))
        .findFirst();
  }

  /** The first page: one choice per LMS. */
  RegistrationKindView choose(String chosen, String error) {
    return new RegistrationKindView(
        Arrays.stream(PlatformKind.values())
            .map(
                k ->
                    new RegistrationWizardView.Choice(
                        k.name(), k.label(), kindHint(k), k.name().equals(chosen)))
            .toList(),
        error);
  }

  /** The form for an LMS, with the endpoints that are the same everywhere already filled in. */
  RegistrationWizardView start(PlatformKind kind, URI base) {
    RegistrationWizardForm form = RegistrationWizardForm.blank(kind);
    if (kind == PlatformKind.CANVAS) {
      form = form.withSite(PlatformEndpoints.CANVAS_CLOUD_ISSUER);
    }
    if (kind == PlatformKind.CANVAS || kind == PlatformKind.BLACKBOARD) {
      form = form.filled(PlatformEndpoints.fill(kind, form.site()));
    }
    return page(kind, form, List.of(), null, base);
  }

  /** The form again with the endpoints that follow from the site address filled in. */
  RegistrationWizardView fill(PlatformKind kind, RegistrationWizardForm typed, URI base) {
    RegistrationWizardForm form = typed.orEmpty();
    PlatformEndpoints.Filled filled = PlatformEndpoints.fill(kind, form.site());
    List<String> problems = new ArrayList<>();
    String notice;
    if (filled.equals(PlatformEndpoints.fill(kind, PlatformEndpoints.Site.NONE))
        && kind != PlatformKind.BLACKBOARD
        && kind != PlatformKind.CANVAS) {
      problems.add(
          "siteUrl: type the address of your "
              + kind.label()
              + " site, e.g. https://lms.example.edu, then fill in the endpoints again.");
      notice = null;
    } else {
      form = form.filled(filled);
      notice =
          "The endpoints "
              + kind.label()
              + " uses are filled in below; check them against the values "
              + kind.label()
              + " shows.";
    }
    return page(kind, form, problems, notice, base);
  }

  /**
   * Saves the form through the registration use case; blank endpoints are completed from the site
   * address first.
   */
  Saved save(PlatformKind kind, RegistrationWizardForm typed, String admin, URI base) {
    RegistrationWizardForm form = typed.orEmpty();
    RegistrationWizardForm completed = form.blanksFilled(PlatformEndpoints.fill(kind, form.site()));
    List<String> problems;
    try {
      PlatformRegistration created =
          registration.create(completed.request(kind), completed.deploymentId(), admin);
      return new Created(created.getId(), created.getName());
    } catch (InvalidRequestException invalid) {
      problems = invalid.problems();
    } catch (ConflictException conflict) {
      problems = conflict.problems().stream().map(p -> "clientId: " + p).toList();
    }
    return new Refused(page(kind, form, problems, null, base));
  }

  /** A registration's settings as they are; empty when there is no such registration. */
  @Transactional
  Optional<RegistrationEditView> editPage(long id) {
    return registrations
        .find(id)
        .map(
            r ->
                editView(
                    r,
                    new RegistrationRequestView(
                        r.getName(),
                        r.getPlatformKind().name(),
                        null,
                        null,
                        r.getAuthEndpoint(),
                        r.getTokenEndpoint(),
                        r.getJwksUri(),
                        r.getDeploymentPolicy(),
                        null),
                    List.of()));
  }

  /** The outcome of an edit: saved, or the form again with its problems. */
  sealed interface Edited permits EditSaved, EditRefused, EditMissing {}

  record EditSaved(long id) implements Edited {}

  record EditRefused(RegistrationEditView page) implements Edited {}

  record EditMissing() implements Edited {}

  /** Saves a registration's settings through the registration use case. */
  Edited edit(long id, RegistrationRequestView typed, String admin) {
    try {
      return administration
          .edit(id, typed, admin)
          .<Edited>map(r -> new EditSaved(r.getId()))
          .orElse(new EditMissing());
    } catch (InvalidRequestException invalid) {
      return registrations
          .find(id)
          .<Edited>map(r -> new EditRefused(editView(r, typed, invalid.problems())))
          .orElse(new EditMissing());
    }
  }

  private RegistrationEditView editView(
      PlatformRegistration r, RegistrationRequestView form, List<String> problemTexts) {
    List<RegistrationWizardView.Problem> problems =
        problemTexts.stream().map(RegistrationWizard::problem).toList();
    PlatformKind kind = kind(form.platformKind()).orElse(r.getPlatformKind());
    Names names = names(kind);
    return new RegistrationEditView(
        r.getId(),
        r.getName(),
        r.getIssuer(),
        r.getClientId(),
        Arrays.stream(PlatformKind.values())
            .map(
                k -> new RegistrationWizardView.Choice(k.name(), k.label(), kindHint(k), k == kind))
            .toList(),
        List.of(
            field("name", "Name", "text", nz(form.name()), null, problems, true, null),
            field(
                "authEndpoint",
                "OIDC authorization endpoint",
                "url",
                nz(form.authEndpoint()),
                names.authEndpoint(),
                problems,
                true,
                null),
            field(
                "tokenEndpoint",
                "Access token URL",
                "url",
                nz(form.tokenEndpoint()),
                names.tokenEndpoint(),
                problems,
                false,
                null),
            field(
                "jwksUri",
                "Platform keyset (JWKS) URL",
                "url",
                nz(form.jwksUri()),
                names.jwksUri(),
                problems,
                true,
                null)),
        policies(form.deploymentPolicy()),
        problems);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  private static List<RegistrationWizardView.Choice> policies(String chosen) {
    return List.of(
        new RegistrationWizardView.Choice(
            RegistrationSettings.ACCEPT_ON_FIRST_SIGHT,
            "Record on first launch",
            "A new deployment id (a new course or sub-account) is accepted and listed.",
            !RegistrationSettings.REJECT_UNKNOWN.equals(chosen)),
        new RegistrationWizardView.Choice(
            RegistrationSettings.REJECT_UNKNOWN,
            "Refuse unknown deployments",
            "Only the deployment ids Rapport knows may launch.",
            RegistrationSettings.REJECT_UNKNOWN.equals(chosen)));
  }

  /** "Test this registration"; empty when there is no such registration. */
  @Transactional
  Optional<RegistrationTestView> test(long id, String notice, URI base) {
    Optional<PlatformRegistration> found = registrations.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PlatformRegistration r = found.get();
    RegistrationTestView.LastLaunch last =
        launches.lastFor(id).map(RegistrationWizard::lastLaunch).orElse(null);
    String testPlatform = base + TEST_PLATFORM_PATH;
    String devLaunch = null;
    String devNote = null;
    if (settings.devMode()) {
      boolean served =
          r.getIssuer().equals(testPlatform)
              && r.getAuthEndpoint().startsWith(testPlatform + "/")
              && r.getJwksUri().startsWith(testPlatform + "/");
      if (served) {
        devLaunch = TEST_PLATFORM_PATH + "/launch?role=student&registration=" + id;
      } else {
        devNote =
            "Development mode: the built-in test platform stands in only for registrations with"
                + " issuer "
                + testPlatform
                + " and its endpoints (for example a Moodle registration with site address "
                + testPlatform
                + "). Launch this registration from "
                + r.getPlatformKind().label()
                + ".";
      }
    }
    return Optional.of(
        new RegistrationTestView(
            id,
            r.getName(),
            r.getPlatformKind().label(),
            r.getIssuer(),
            r.getClientId(),
            r.isEnabled(),
            registrations.deployments(id).stream().map(d -> d.getDeploymentId()).toList(),
            notice,
            new PlatformSetupValues(base).of(r.getPlatformKind()),
            last,
            devLaunch,
            devNote));
  }

  private static RegistrationTestView.LastLaunch lastLaunch(LaunchRecord l) {
    return new RegistrationTestView.LastLaunch(
        l.getId(),
        l.getOccurredAt().toString(),
        l.isAccepted(),
        l.getDeploymentId(),
        l.getMessageType(),
        l.getFailure(),
        l.getDetail());
  }

  private RegistrationWizardView page(
      PlatformKind kind,
      RegistrationWizardForm form,
      List<String> problemTexts,
      String notice,
      URI base) {
    List<RegistrationWizardView.Problem> problems =
        problemTexts.stream().map(RegistrationWizard::problem).toList();
    PlatformEndpoints.Filled known = PlatformEndpoints.fill(kind, form.site());
    List<RegistrationWizardView.Field> fields =
        List.of(
            field(
                "name",
                "Name",
                "text",
                form.name(),
                "A name people will recognise, e.g. \"" + kind.label() + " production\".",
                problems,
                true,
                null),
            field(
                "issuer",
                "Issuer (iss)",
                "url",
                form.issuer(),
                names(kind).issuer(),
                problems,
                true,
                known.issuer()),
            field(
                "clientId",
                "Client id",
                "text",
                form.clientId(),
                names(kind).clientId(),
                problems,
                true,
                null),
            field(
                "deploymentId",
                "Deployment id",
                "text",
                form.deploymentId(),
                names(kind).deploymentId()
                    + " Optional when unknown deployments are recorded on first launch.",
                problems,
                false,
                null),
            field(
                "authEndpoint",
                "OIDC authorization endpoint",
                "url",
                form.authEndpoint(),
                names(kind).authEndpoint(),
                problems,
                true,
                known.authEndpoint()),
            field(
                "tokenEndpoint",
                "Access token URL",
                "url",
                form.tokenEndpoint(),
                names(kind).tokenEndpoint()
                    + " Needed to send grades and read rosters; Rapport calls it, so it must be a"
                    + " public https address.",
                problems,
                false,
                known.tokenEndpoint()),
            field(
                "jwksUri",
                "Platform keyset (JWKS) URL",
                "url",
                form.jwksUri(),
                names(kind).jwksUri()
                    + " Rapport fetches it, so it must be a public https address.",
                problems,
                true,
                known.jwksUri()));
    List<RegistrationWizardView.Choice> policies = policies(form.deploymentPolicy());
    String siteError = errorFor("siteUrl", problems);
    RegistrationWizardView.SiteQuestion site =
        switch (kind) {
          case CANVAS ->
              new RegistrationWizardView.SiteQuestion(
                  "Canvas address",
                  "Canvas cloud: https://canvas.instructure.com (beta:"
                      + " https://canvas.beta.instructure.com, test:"
                      + " https://canvas.test.instructure.com). A self-hosted Canvas: its own"
                      + " address.",
                  form.siteUrl(),
                  false,
                  "",
                  siteError);
          case MOODLE ->
              new RegistrationWizardView.SiteQuestion(
                  "Moodle site address",
                  "The address of your Moodle's front page, e.g. https://moodle.example.edu"
                      + " (Moodle's Platform ID).",
                  form.siteUrl(),
                  false,
                  "",
                  siteError);
          case D2L ->
              new RegistrationWizardView.SiteQuestion(
                  "Brightspace address",
                  "The address people sign in at, e.g. https://school.brightspace.com.",
                  form.siteUrl(),
                  false,
                  "",
                  siteError);
          case SAKAI ->
              new RegistrationWizardView.SiteQuestion(
                  "Sakai address",
                  "The address of your Sakai, e.g. https://sakai.example.edu.",
                  form.siteUrl(),
                  true,
                  form.toolId(),
                  siteError);
          case BLACKBOARD, OTHER -> null;
        };
    String fillHint =
        switch (kind) {
          case CANVAS ->
              "Fills in the issuer and endpoints of that Canvas (cloud environments use their"
                  + " sso.canvaslms.com hosts).";
          case MOODLE ->
              "Fills in the issuer and Moodle's /mod/lti/auth.php, /mod/lti/token.php and"
                  + " /mod/lti/certs.php under the site address.";
          case D2L ->
              "Fills in the issuer, /d2l/lti/authenticate and /d2l/.well-known/jwks under the"
                  + " address, and Brightspace's token service at auth.brightspace.com.";
          case SAKAI ->
              "Fills in the issuer, /imsoidc/lti13/oidc_auth and /imsblis/lti13/keyset under the"
                  + " address, and the token URL when Sakai's number for the tool is given.";
          case BLACKBOARD ->
              "The issuer and endpoints are the same for every Learn site; the keyset URL follows"
                  + " from the client id (the Application ID). Type the client id below, then"
                  + " fill in.";
          case OTHER -> null;
        };
    String testPlatformSite =
        settings.devMode() && kind == PlatformKind.MOODLE ? base + TEST_PLATFORM_PATH : null;
    return new RegistrationWizardView(
        kind.name(),
        kind.label(),
        site,
        fillHint,
        fields,
        policies,
        problems,
        notice,
        new PlatformSetupValues(base).of(kind),
        testPlatformSite);
  }

  private static RegistrationWizardView.Field field(
      String id,
      String label,
      String type,
      String value,
      String hint,
      List<RegistrationWizardView.Problem> problems,
      boolean required,
      String known) {
    String prefilled =
        known != null && known.equals(value) ? "Filled in by the wizard; check it." : null;
    return new RegistrationWizardView.Field(
        id, label, type, value, hint, errorFor(id, problems), required, prefilled);
  }

  private static String errorFor(String id, List<RegistrationWizardView.Problem> problems) {
    List<String> messages =
        problems.stream().filter(p -> id.equals(p.field())).map(p -> p.message()).toList();
    return messages.isEmpty() ? null : String.join(" ", messages);
  }

  /**
   * A "field: sentence" problem of the use case, with the field's input id when it names one of the
   * form's fields (a dotted path such as {@code create.request.issuer} counts by its last part).
   */
  static RegistrationWizardView.Problem problem(String text) {
    int colon = text.indexOf(": ");
    if (colon > 0) {
      String path = text.substring(0, colon);
      String field = path.substring(path.lastIndexOf('.') + 1);
      if (FIELDS.contains(field) || field.equals("siteUrl")) {
        return new RegistrationWizardView.Problem(
            field.equals("siteUrl") ? "siteUrl" : field, text.substring(colon + 2));
      }
    }
    return new RegistrationWizardView.Problem(null, text);
  }

  /** What an LMS calls each value. */
  record Names(
      String issuer,
      String clientId,
      String deploymentId,
      String authEndpoint,
      String tokenEndpoint,
      String jwksUri) {}

  static Names names(PlatformKind kind) {
    return switch (kind) {
      case CANVAS ->
          new Names(
              "Canvas cloud: https://canvas.instructure.com; a self-hosted Canvas: its own"
                  + " address.",
              "The developer key's Client ID (a number).",
              "Shown in the app's settings once it is added to an account or course (Deployment"
                  + " ID).",
              "Canvas's authorize_redirect address.",
              "Canvas's OAuth2 token address.",
              "Canvas's public JWKs address.");
      case MOODLE ->
          new Names(
              "Moodle's Platform ID (the site address).",
              "Moodle's Client ID, in the tool's details.",
              "Moodle's Deployment ID, in the tool's details.",
              "Moodle's Authentication request URL.",
              "Moodle's Access token URL.",
              "Moodle's Public keyset URL.");
      case BLACKBOARD ->
          new Names(
              "https://blackboard.com for every Learn site.",
              "The Application ID the developer portal gave Rapport.",
              "Shown by Learn when the tool is registered (Administrator Panel → LTI Tool"
                  + " Providers).",
              "The developer portal's OIDC auth request endpoint.",
              "The developer portal's auth token endpoint.",
              "The developer portal's public keyset URL for this application.");
      case D2L ->
          new Names(
              "Brightspace's Issuer (the address of your Brightspace).",
              "Brightspace's Client Id.",
              "Shown when you create the deployment.",
              "Brightspace's OpenID Connect Authentication Endpoint.",
              "Brightspace's OAuth2 Access Token URL.",
              "Brightspace's Keyset URL.");
      case SAKAI ->
          new Names(
              "Sakai's LMS Issuer.",
              "Sakai's Client ID.",
              "Sakai's Deployment ID.",
              "Sakai's OIDC authentication URL.",
              "Sakai's token URL (it ends with Sakai's number for the tool).",
              "Sakai's keyset URL.");
      case OTHER ->
          new Names(
              "The platform's issuer (iss).",
              "The client id the platform gave Rapport.",
              "The deployment id the platform shows.",
              "The platform's OIDC authorization (authentication request) endpoint.",
              "The platform's OAuth2 access token URL.",
              "The platform's public keyset (JWKS) URL.");
    };
  }

  private static String kindHint(PlatformKind kind) {
    return switch (kind) {
      case CANVAS -> "Canvas cloud or self-hosted: developer key, then the app by client id.";
      case MOODLE -> "Moodle 4.x: External tool, configured by hand.";
      case BLACKBOARD -> "Blackboard Learn: Anthology developer portal, then Learn.";
      case D2L -> "D2L Brightspace: LTI Advantage registration and a deployment.";
      case SAKAI -> "Sakai: External Tools, LTI 1.3.";
      case OTHER -> "Any other LTI 1.3 platform: every value by hand.";
    };
  }
}
