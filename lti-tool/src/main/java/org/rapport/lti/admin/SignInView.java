package org.rapport.lti.admin;

/** The administrator sign-in page: the user name typed so far and why sign-in failed, if it did. */
record SignInView(String username, String error) {
  static final SignInView BLANK = new SignInView("", null);
}
