package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.web.Pages;

/**
 * The 4xx page for a refused login or launch: the failed check's code, its sentence and a reference
 * to the launch log entry. The technical detail (which issuer, client id, key set URL or claim)
 * stays in the administrator's launch log: whoever sees this page may be anonymous, and the page
 * must not tell them which platforms are registered.
 */
@ApplicationScoped
public class LaunchRejections {
  @Inject Pages pages;

  public Response page(LaunchRejected rejected, long reference) {
    LaunchFailure failure = rejected.failure();
    int status = status(failure);
    RejectedLaunchView view =
        new RejectedLaunchView(status, failure.name(), failure.sentence(), reference(reference));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Referrer-Policy", "no-referrer")
        .entity(pages.render("lti-rejected", "Launch refused", view))
        .build();
  }

  /** The reference an administrator finds in the launch log ({@code L-<log entry id>}). */
  public static String reference(long launchLogId) {
    return "L-" + launchLogId;
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
          STORED_STATE_NOT_REQUESTED,
          STORED_STATE_FOREIGN_ORIGIN,
          NONCE_MISSING,
          NONCE_REPLAYED ->
          401;
      case REGISTRATION_DISABLED, DEPLOYMENT_UNKNOWN -> 403;
      default -> 400;
    };
  }
}
