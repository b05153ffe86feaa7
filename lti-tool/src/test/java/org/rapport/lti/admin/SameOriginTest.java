package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameOriginTest {
  private static final URI OWN = URI.create("https://rapport.example.edu");

  @Test
  void onlyRapportsOwnOriginPasses() {
    assertEquals(Optional.empty(), SameOrigin.check("https://rapport.example.edu", null, OWN));
    assertEquals(
        Optional.empty(), SameOrigin.check("https://RAPPORT.example.edu:443", "same-origin", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.FOREIGN_ORIGIN),
        SameOrigin.check("https://lms.example.edu", null, OWN),
        "a sibling subdomain is same-site, and still refused");
    assertEquals(
        Optional.of(SameOrigin.Refusal.FOREIGN_ORIGIN),
        SameOrigin.check("http://rapport.example.edu", null, OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.FOREIGN_ORIGIN), SameOrigin.check("null", null, OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.CROSS_SITE_FETCH),
        SameOrigin.check("https://rapport.example.edu", "same-site", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.CROSS_SITE_FETCH),
        SameOrigin.check(null, "cross-site", OWN));
    assertEquals(Optional.of(SameOrigin.Refusal.NO_ORIGIN), SameOrigin.check(null, null, OWN));
    assertEquals(Optional.empty(), SameOrigin.check(null, "same-origin", OWN));
    // Under Referrer-Policy: no-referrer a browser posts Rapport's own forms with Origin: null.
    assertEquals(Optional.empty(), SameOrigin.check("null", "same-origin", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.CROSS_SITE_FETCH),
        SameOrigin.check("null", "cross-site", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.CROSS_SITE_FETCH),
        SameOrigin.check("null", "same-site", OWN));
  }

  /**
   * Under Rapport's Referrer-Policy: no-referrer a browser posts its own forms with "Origin: null";
   * Sec-Fetch-Site tells a same-origin form from an opaque origin such as a sandboxed frame.
   */
  @Test
  void aNullOriginPassesOnlyWhenTheBrowserReportsTheRequestAsSameOrigin() {
    assertEquals(Optional.empty(), SameOrigin.check("null", "same-origin", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.CROSS_SITE_FETCH),
        SameOrigin.check("null", "cross-site", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.CROSS_SITE_FETCH),
        SameOrigin.check("null", "same-site", OWN));
    assertEquals(
        Optional.of(SameOrigin.Refusal.FOREIGN_ORIGIN), SameOrigin.check("null", null, OWN));
  }

  @Test
  void theTokenIsFoundInUrlEncodedAndMultipartForms() {
    assertEquals(Optional.of("a b"), CsrfToken.fromUrlEncoded("name=x&csrf=a+b&z=1"));
    assertEquals(Optional.empty(), CsrfToken.fromUrlEncoded("name=x&csrfx=1"));
    MediaType multipart = new MediaType("multipart", "form-data", Map.of("boundary", "XyZ"));
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok-123\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nstudent_id\r\n--XyZ--\r\n";
    assertEquals(Optional.of("tok-123"), CsrfToken.fromMultipart(body, multipart));
    assertEquals(
        Optional.empty(),
        CsrfToken.fromMultipart(body.replace("name=\"csrf\"", "name=\"other\""), multipart));
  }
}
