package org.rapport.lti.protocol.keys;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.rapport.lti.protocol.registration.Registration;

/**
 * Port: the public keys a platform signs its messages with (Security Framework §6.3). The returned
 * source must refetch once when asked for a key it does not hold (a platform rotating its keys).
 */
public interface PlatformKeys {

  JWKSource<SecurityContext> forRegistration(Registration registration);
}
