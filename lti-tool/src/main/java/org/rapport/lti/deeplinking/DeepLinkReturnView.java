package org.rapport.lti.deeplinking;

import java.util.List;

/** The page that posts the signed deep-linking response back to the LMS. */
record DeepLinkReturnView(String returnUrl, String jwt, boolean cancel, List<String> titles) {
  int count() {
    return titles.size();
  }

  boolean plural() {
    return titles.size() != 1;
  }
}
