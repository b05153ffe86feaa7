package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.web.Pages;

/** The 4xx page for a refused login or launch, naming the failed check in an admin's words. */
@ApplicationScoped
public class LaunchRejections {
  @Inject Pages pages;

  public Response page(LaunchRejected rejected) {
    LaunchFailure failure = rejected.failure();
    int status = status(failure);
    Map<String, Object> values =
        Map.of(
            "status",
            status,
            "check",
            failure.name(),
            "sentence",
            failure.sentence(),
            "detail",
            rejected.detail() == null ? "" : rejected.detail());
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Referrer-Policy", "no-referrer")
        .entity(pages.render("lti-rejected", "Launch refused", values))
        .build();
  }

  static int status(LaunchFailure failure) {
    return switch (failure) {
      case TOKEN_TOO_LARGE -> 413;
      case ALGORITHM_NOT_ALLOWED,
          KEY_ID_MISSING,
          KEY_UNKNOWN,
          SIGNATURE_INVALID,
          TOKEN_EXPIRED,
          ISSUED_IN_FUTURE,
          NOT_YET_VALID,
          STATE_MISSING,
          STATE_NOT_IN_BROWSER,
          STATE_MISMATCH,
          NONCE_MISSING,
          NONCE_REPLAYED ->
          401;
      case REGISTRATION_DISABLED, DEPLOYMENT_UNKNOWN -> 403;
      default -> 400;
    };
  }
}
