/**
 * The administrators' console: the admin page that brings together what administrators manage
 * across features (registrations and their set-up values, tool keys, API tokens, dynamic
 * registration invites, the launch log). It sits above the features and nothing depends on it.
 */
package org.rapport.lti.console;
