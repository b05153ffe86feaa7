package org.rapport.lti.registration;

import org.rapport.lti.web.FilledIn;
import org.rapport.lti.web.OneOf;
import org.rapport.lti.web.WebAddress;

/**
 * What an administrator sends to create or edit a registration. Its issuer and client id, which
 * identify it and never change, are checked in the {@link Identity} group, before the rest, and
 * only when the registration is created; whether the platform addresses may be called is checked
 * afterwards against the outbound policy.
 */
public record RegistrationRequestView(
    @FilledIn(
            max = 200,
            stripped = true,
            message =
                "give the registration a name people will recognise, e.g. \"Canvas production\".",
            tooLong = "use at most 200 characters.")
        String name,
    @OneOf(
            value = {"CANVAS", "MOODLE", "BLACKBOARD", "D2L", "SAKAI", "OTHER"},
            message = "use one of CANVAS, MOODLE, BLACKBOARD, D2L, SAKAI, OTHER.")
        String platformKind,
    @FilledIn(
            groups = Identity.class,
            max = 512,
            message = "copy the platform's issuer (iss), e.g. https://canvas.instructure.com.",
            tooLong = "use at most 512 characters.")
        String issuer,
    @FilledIn(
            groups = Identity.class,
            max = 255,
            message = "copy the client id the platform gave Rapport.",
            tooLong = "use at most 255 characters.")
        String clientId,
    @WebAddress(required = true) String authEndpoint,
    @WebAddress(required = false) String tokenEndpoint,
    @WebAddress(required = true) String jwksUri,
    @OneOf(
            value = {
              RegistrationSettings.REJECT_UNKNOWN,
              RegistrationSettings.ACCEPT_ON_FIRST_SIGHT
            },
            message = "use REJECT_UNKNOWN or ACCEPT_ON_FIRST_SIGHT.")
        String deploymentPolicy,
    Boolean enabled) {

  /** The constraints on what identifies a registration: checked when it is created. */
  public interface Identity {}
}
