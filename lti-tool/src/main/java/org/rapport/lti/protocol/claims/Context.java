package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The course or other context of the launch (LTI Core 1.3 §5.4.1, {@code context} claim). Its
 * {@code id} is stable and unique within the deployment; label and title are for display only.
 */
public record Context(String id, Optional<String> label, Optional<String> title) {

  public Context {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(title, "title");
  }

  /** The context claim, if present; a context without {@code id} is invalid. */
  public static Optional<Context> from(JWTClaimsSet claims) {
    return ClaimReader.object(claims, LtiClaims.CONTEXT)
        .map(
            context ->
                new Context(
                    context
                        .string("id")
                        .orElseThrow(() -> ClaimReader.invalid(LtiClaims.CONTEXT, "has no id")),
                    context.string("label"),
                    context.string("title")));
  }
}
