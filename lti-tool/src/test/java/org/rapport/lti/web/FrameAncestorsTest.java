package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameAncestorsTest {
  @Test
  void onlyTheOriginOfAWebAddressEntersThePolicy() {
    assertEquals(
        Optional.of("https://lms.example.edu"),
        FrameAncestors.origin("https://LMS.example.edu/mod/lti/auth.php?x=1"));
    assertEquals(
        Optional.of("http://127.0.0.1:8443"), FrameAncestors.origin("http://127.0.0.1:8443/a"));
    assertEquals(Optional.empty(), FrameAncestors.origin("javascript:alert(1)"));
    assertEquals(Optional.empty(), FrameAncestors.origin("https://a.example; script-src *"));
    assertEquals(Optional.empty(), FrameAncestors.origin("not a url"));
  }

  @Test
  void thePolicyPostsFormsOnlyToRapportUnlessAPageNamesItsTarget() {
    String plain = SecurityPolicy.contentSecurityPolicy("'none'", null);
    assertTrue(plain.contains("form-action 'self';"), plain);
    assertTrue(plain.endsWith("frame-ancestors 'none'"), plain);
    String deepLink = SecurityPolicy.contentSecurityPolicy("'self'", "https://lms.example.edu");
    assertTrue(deepLink.contains("form-action 'self' https://lms.example.edu;"), deepLink);
    assertTrue(SecurityPolicy.servedOverHttps("http", "https, http"));
    assertTrue(!SecurityPolicy.servedOverHttps("http", null));
  }
}
