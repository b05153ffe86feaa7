package org.rapport.lti.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The strictest security headers on every answer, set before anything runs: answers the container
 * writes itself (its 404, 405, 500 and static files) carry them too. Rapport's own answers replace
 * the Content-Security-Policy with the page's policy ({@link SecurityHeaders}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ContainerSecurityHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Content-Security-Policy", SecurityPolicy.contentSecurityPolicy("'none'", null));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (SecurityPolicy.servedOverHttps(
        request.getScheme(), request.getHeader("X-Forwarded-Proto"))) {
      response.setHeader("Strict-Transport-Security", SecurityPolicy.HSTS);
    }
    chain.doFilter(request, response);
  }
}
