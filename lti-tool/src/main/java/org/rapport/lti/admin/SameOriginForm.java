package org.rapport.lti.admin;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the sign-in and setup forms, which have no session yet: they must be posted from Rapport's
 * own origin ({@link SameOriginFormFilter}), so that another site cannot sign a browser in.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SameOriginForm {}
