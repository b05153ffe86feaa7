package org.rapport.lti.launch;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks pages and API calls that need a launched user: {@link LaunchedUserFilter} checks the
 * session token and makes the {@link LaunchedUser} available as request property {@link
 * LaunchedUserFilter#PROPERTY}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Launched {}
