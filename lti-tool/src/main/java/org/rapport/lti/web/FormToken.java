package org.rapport.lti.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * The CSRF token of the signed-in administrator for the current request, so that every admin form
 * {@link Pages} renders carries it as the hidden field {@code csrf} (template partial {@code
 * csrf}).
 */
@RequestScoped
public class FormToken {
  private String value;

  public void set(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
