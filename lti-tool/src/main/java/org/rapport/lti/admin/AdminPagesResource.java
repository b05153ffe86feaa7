package org.rapport.lti.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.web.Pages;

/** Sign-in, first-run setup and sign-out for administrators. */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPagesResource {
  static final int MIN_PASSWORD = 12;

  @Inject Pages pages;
  @Inject AdminAccounts accounts;
  @Inject AdminSessions sessions;
  @Context UriInfo uri;

  @GET
  @Path("login")
  @Operation(hidden = true)
  public String loginForm() {
    return pages.render("admin-login", "Administrator sign-in", Map.of());
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response login(
      @FormParam("username") String username, @FormParam("password") String password) {
    return accounts
        .authenticate(username, password)
        .map(
            admin ->
                Response.seeOther(URI.create("/admin"))
                    .cookie(sessions.cookieFor(admin, secure()))
                    .build())
        .orElseGet(
            () ->
                Response.status(401)
                    .entity(
                        pages.render(
                            "admin-login",
                            "Administrator sign-in",
                            Map.of(
                                "error",
                                "That user name and password do not match an administrator.",
                                "username",
                                username == null ? "" : username)))
                    .build());
  }

  @POST
  @Path("logout")
  @Operation(hidden = true)
  public Response logout() {
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
                  Map.of(
                      "status", 404,
                      "title", "Setup is finished",
                      "message", "An administrator already exists. Sign in at /admin/login.")))
          .build();
    }
    return Response.ok(
            pages.render(
                "admin-setup",
                "Create the administrator",
                Map.of("token", token == null ? "" : token)))
        .build();
  }

  @POST
  @Path("setup")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response setup(
      @FormParam("token") String token,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("confirm") String confirm) {
    Map<String, Object> values = new HashMap<>();
    values.put("token", token == null ? "" : token);
    values.put("username", username == null ? "" : username);
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
      values.put("error", problem);
      return Response.status(400)
          .entity(pages.render("admin-setup", "Create the administrator", values))
          .build();
    }
    return Response.seeOther(URI.create("/admin"))
        .cookie(sessions.cookieFor(username, secure()))
        .build();
  }

  private boolean secure() {
    return "https".equals(uri.getBaseUri().getScheme());
  }
}
