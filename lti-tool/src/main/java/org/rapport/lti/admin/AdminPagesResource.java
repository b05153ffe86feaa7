package org.rapport.lti.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.Pages;

/** Sign-in, first-run setup and sign-out for administrators. */
@PermitAll
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPagesResource {
  static final int MIN_PASSWORD = 12;

  @Inject Pages pages;
  @Inject AdminAccounts accounts;
  @Inject AdminSessions sessions;
  @Inject AdminSignIn signIn;
  @Inject org.rapport.lti.limits.ClientAddress clientAddresses;
  @Context UriInfo uri;
  @Context HttpServletRequest http;

  @GET
  @Path("login")
  @Operation(hidden = true)
  public String loginForm() {
    return pages.render("admin-login", "Administrator sign-in", SignInView.BLANK);
  }

  @POST
  @Path("login")
  @SameOriginForm
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response login(
      @FormParam("username") String username, @FormParam("password") String password) {
    AdminSignIn.Outcome outcome = signIn.signIn(username, password, clientAddress());
    if (outcome instanceof AdminSignIn.SignedIn signedIn) {
      return Response.seeOther(URI.create("/admin"))
          .cookie(sessions.cookieFor(signedIn.session().cookieValue(), secure()))
          .build();
    }
    String typed = username == null ? "" : username;
    if (outcome instanceof AdminSignIn.Throttled throttled) {
      long seconds = Math.max(1, throttled.retryAfter().toSeconds());
      SignInView view =
          new SignInView(
              typed,
              "Too many failed sign-ins for this account or from this address. Try again in "
                  + (seconds >= 120 ? (seconds / 60) + " minutes." : seconds + " seconds."));
      return Response.status(429)
          .header(HttpHeaders.RETRY_AFTER, seconds)
          .entity(pages.render("admin-login", "Administrator sign-in", view))
          .build();
    }
    SignInView view =
        new SignInView(typed, "That user name and password do not match an administrator.");
    return Response.status(401)
        .entity(pages.render("admin-login", "Administrator sign-in", view))
        .build();
  }

  /** Ends the session on the server, then drops the cookie; only for a signed-in administrator. */
  @POST
  @Path("logout")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(hidden = true)
  public Response logout(@Context HttpHeaders headers) {
    sessions.cookieValue(headers.getCookies()).ifPresent(sessions::revoke);
    return Response.seeOther(URI.create("/admin/login")).cookie(sessions.expired(secure())).build();
  }

  @GET
  @Path("setup")
  @Operation(hidden = true)
  public Response setupForm(@QueryParam("token") String token) {
    if (!accounts.setupPending()) {
      return Response.status(404)
          .entity(
              pages.render(
                  "error",
                  "Setup is finished",
                  new ErrorView(
                      404,
                      "Setup is finished",
                      "An administrator already exists. Sign in at /admin/login.")))
          .build();
    }
    return Response.ok(
            pages.render(
                "admin-setup",
                "Create the administrator",
                new SetupView(token == null ? "" : token, null, null)))
        .build();
  }

  @POST
  @Path("setup")
  @SameOriginForm
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response setup(
      @FormParam("token") String token,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("confirm") String confirm) {
    String problem = null;
    if (username == null || !username.matches("[A-Za-z0-9._-]{3,100}")) {
      problem = "Choose a user name of 3 to 100 letters, digits, dots, dashes or underscores.";
    } else if (password == null || password.length() < MIN_PASSWORD) {
      problem = "Choose a password of at least " + MIN_PASSWORD + " characters.";
    } else if (!password.equals(confirm)) {
      problem = "The two passwords differ; type the same password twice.";
    }
    if (problem == null && !accounts.completeSetup(token, username, password)) {
      problem =
          "This setup link is not valid any more. Restart Rapport to print a new one, or set"
              + " RAPPORT_ADMIN_PASSWORD.";
    }
    if (problem != null) {
      SetupView view =
          new SetupView(token == null ? "" : token, username == null ? "" : username, problem);
      return Response.status(400)
          .entity(pages.render("admin-setup", "Create the administrator", view))
          .build();
    }
    return Response.seeOther(URI.create("/admin"))
        .cookie(sessions.cookieFor(sessions.open(username).cookieValue(), secure()))
        .build();
  }

  /** The client's address ({@link ClientAddress}: behind a trusted proxy, the forwarded one). */
  private String clientAddress() {
    return http == null ? "unknown" : clientAddresses.of(http);
  }

  private boolean secure() {
    return "https".equals(uri.getBaseUri().getScheme());
  }
}
