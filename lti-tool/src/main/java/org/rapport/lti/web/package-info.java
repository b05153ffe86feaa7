/**
 * The web shell: the JAX-RS application, server-rendered pages (Mustache templates), static assets,
 * the landing page and the mapping of every error to a clear 4xx/5xx page or JSON body.
 */
package org.rapport.lti.web;
