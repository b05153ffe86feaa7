package org.rapport.lti.web;

/** What the error page shows: the HTTP status, a short title and a sentence a person can act on. */
public record ErrorView(int status, String title, String message) {}
