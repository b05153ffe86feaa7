package org.rapport.lti.dev;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources of the built-in test platform: {@link DevelopmentModeFilter} answers 404 for
 * every request they would serve unless development mode is configured. Every resource of this
 * package carries it (an architecture rule checks that).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DevelopmentOnly {}
