package org.rapport.lti.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The sentence a 403 gives when a caller lacks the roles the resource allows (on the method, or on
 * its class for all its methods); without it {@link RoleCheck} says the page is not for them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RefusalMessage {
  String value();
}
